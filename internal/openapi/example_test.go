package openapi_test

import (
	"fmt"
	"net/http"

	"github.com/pdkit/pdkit/internal/openapi"
)

// A request is matched to its operation and checked against it. The
// description here is a tiny stand-in for PagerDuty's.
func ExampleSpec_Check() {
	spec, err := openapi.Parse([]byte(`{
	  "openapi": "3.0.2",
	  "paths": {"/incidents/{id}/notes": {"post": {
	    "operationId": "createIncidentNote", "tags": ["Incidents"],
	    "parameters": [
	      {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
	      {"name": "From", "in": "header", "required": true, "schema": {"type": "string"}}
	    ],
	    "requestBody": {"content": {"application/json": {"schema": {
	      "type": "object", "required": ["note"],
	      "properties": {"note": {"type": "object", "required": ["content"], "properties": {"content": {"type": "string"}}}}
	    }}}}
	  }}}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}

	op, params, _ := spec.Match("POST", "/incidents/PABC123/notes")
	fmt.Println(op.OperationID, op.Tags, params["id"])

	req, _ := openapi.NewRequest("POST", "https://api.pagerduty.com/incidents/PABC123/notes",
		http.Header{"Content-Type": {"application/json"}},
		[]byte(`{"note": {"contents": "Rebooting the database"}}`))
	for _, v := range spec.Check(req) {
		fmt.Println(v)
	}
	// Output:
	// createIncidentNote [Incidents] PABC123
	// header From: is required by createIncidentNote
	// body note.content: is required
	// body note.contents: is not a property the description declares here; known: content
}
