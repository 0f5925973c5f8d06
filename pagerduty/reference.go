package pagerduty

// Reference points at another PagerDuty object. Lists and objects carry
// references to the objects they name; an include[] expansion replaces them
// with the full object, which is why fields such as Incident.Service have the
// full type: with no expansion only its reference fields are set.
type Reference struct {
	// ID identifies the object.
	ID string `json:"id"`
	// Type names the kind of object, such as "user_reference" or
	// "service_reference".
	Type string `json:"type"`
	// Summary is a short, human-readable name of the object.
	Summary string `json:"summary,omitempty"`
	// Self is the object's API URL.
	Self string `json:"self,omitempty"`
	// HTMLURL is the object's page in the PagerDuty web app.
	HTMLURL string `json:"html_url,omitempty"`
}

// Ref returns a reference of the given type to the object with id, the
// shape write calls take: Ref("user_reference", "PABC123").
func Ref(typ, id string) Reference { return Reference{ID: id, Type: typ} }
