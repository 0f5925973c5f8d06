package pagerduty

import (
	"errors"
	"fmt"
	"time"
)

// The input checks below are shared by every resource area: they run before
// a request is sent and say what was wrong and what is accepted.

// required reports a required field left empty, and what it should hold.
func required(field, hint string) error {
	return fmt.Errorf("pagerduty: %s is required: %s", field, hint)
}

// missing is required under the name the incident calls use.
func missing(field, what string) error { return required(field, what) }

// namedFieldErr names the field whose value err is about.
func namedFieldErr(field string, err error) error {
	return fmt.Errorf("%s: %w", field, err)
}

// optionalID validates id when it is set, naming field in the error.
func optionalID(field, id string) error {
	if id == "" {
		return nil
	}
	if err := ValidateID(id); err != nil {
		return namedFieldErr(field, err)
	}
	return nil
}

// checkRef validates a reference a write sends: an ID and a type.
func checkRef(field string, r Reference) error {
	if err := ValidateID(r.ID); err != nil {
		return fmt.Errorf("%s.ID: %w", field, err)
	}
	if r.Type == "" {
		return required(field+".Type", "the kind of object referenced, such as "+string(ContactMethodReferenceEmail))
	}
	return nil
}

// checkSinceUntil validates an optional since/until pair.
func checkSinceUntil(since, until time.Time) error {
	if !since.IsZero() && !until.IsZero() && !until.After(since) {
		return fmt.Errorf("pagerduty: Until (%s) must be after Since (%s)", until.Format(time.RFC3339), since.Format(time.RFC3339))
	}
	return nil
}

// errNeedFrom is returned, before sending, by writes that PagerDuty
// attributes to a user when neither the params nor the client name one.
var errNeedFrom = errors.New("pagerduty: this write needs the email address of the PagerDuty user making it: set From in the params, or WithFrom on the client")

// needFrom returns an error when neither from nor the client's default From
// is set.
func (c *Client) needFrom(from string) error {
	if from == "" && c.from == "" {
		return errNeedFrom
	}
	return nil
}

// fromOrDefault returns the From header a write will carry (the params'
// own, else the client's), or the error of needFrom when there is none.
func (c *Client) fromOrDefault(from string) (string, error) {
	if err := c.needFrom(from); err != nil {
		return "", err
	}
	if from == "" {
		from = c.from
	}
	return from, nil
}

// checkCursorPageSize validates the page size of a cursor-paginated list.
func checkCursorPageSize(limit int) error {
	if limit < 0 || limit > MaxPageSize {
		return fmt.Errorf("pagerduty: Limit %d is out of range: a page holds 1 to %d items (0 for the default)", limit, MaxPageSize)
	}
	return nil
}
