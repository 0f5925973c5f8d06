package openapi

import "fmt"

// A Violation is one way a request departs from the description.
type Violation struct {
	// Where locates the problem: "path", "query statuses[]", "header From",
	// "body incident.service.id", or "operation".
	Where string
	// Message says what is wrong and what is accepted.
	Message string
}

// String formats the violation as "where: message".
func (v Violation) String() string { return fmt.Sprintf("%s: %s", v.Where, v.Message) }
