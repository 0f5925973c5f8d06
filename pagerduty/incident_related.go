package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// RelatedIncident is an incident PagerDuty links to another, with the
// reasons.
type RelatedIncident struct {
	// Incident is the related incident (in full with IncludeDetails,
	// otherwise its ID, title, creation time and URL).
	Incident      Incident               `json:"incident"`
	Relationships []IncidentRelationship `json:"relationships,omitempty"`
}

// IncidentRelationship is one reason two incidents are related.
type IncidentRelationship struct {
	// Type is "machine_learning_inferred" or "service_dependency".
	Type     string               `json:"type"`
	Metadata RelationshipMetadata `json:"metadata"`
}

// RelationshipMetadata explains a relationship: the classification and
// feedback of a machine-learning one, or the services linking the incidents
// of a service-dependency one.
type RelationshipMetadata struct {
	// GroupingClassification is "similar_contents" or "prior_feedback".
	GroupingClassification string        `json:"grouping_classification,omitempty"`
	UserFeedback           *UserFeedback `json:"user_feedback,omitempty"`
	// DependentServices and SupportingServices are the business or
	// technical services through which the incidents depend on each other.
	DependentServices  []Reference `json:"dependent_services,omitempty"`
	SupportingServices []Reference `json:"supporting_services,omitempty"`
}

// UnmarshalJSON accepts the service lists as arrays or as a single object,
// which the API also sends.
func (m *RelationshipMetadata) UnmarshalJSON(b []byte) error {
	var w struct {
		GroupingClassification string          `json:"grouping_classification"`
		UserFeedback           *UserFeedback   `json:"user_feedback"`
		DependentServices      json.RawMessage `json:"dependent_services"`
		SupportingServices     json.RawMessage `json:"supporting_services"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	m.GroupingClassification, m.UserFeedback = w.GroupingClassification, w.UserFeedback
	var err error
	if m.DependentServices, err = oneOrMany(w.DependentServices); err != nil {
		return fmt.Errorf("dependent_services: %w", err)
	}
	if m.SupportingServices, err = oneOrMany(w.SupportingServices); err != nil {
		return fmt.Errorf("supporting_services: %w", err)
	}
	return nil
}

// oneOrMany decodes null, one reference or an array of them.
func oneOrMany(raw json.RawMessage) ([]Reference, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] == '{' {
		var r Reference
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, err
		}
		return []Reference{r}, nil
	}
	var rs []Reference
	err := json.Unmarshal(raw, &rs)
	return rs, err
}

// UserFeedback counts how often people agreed or disagreed that incidents
// are related.
type UserFeedback struct {
	PositiveFeedbackCount int `json:"positive_feedback_count"`
	NegativeFeedbackCount int `json:"negative_feedback_count"`
}

// RelatedIncidentsOptions shapes a related-incidents answer.
type RelatedIncidentsOptions struct {
	// IncludeDetails returns the related incidents in full.
	IncludeDetails bool
}

func detailsQuery(include bool) url.Values {
	q := url.Values{}
	if include {
		q.Set("additional_details[]", "incident")
	}
	return q
}

// ListRelated returns the recent incidents PagerDuty finds related to the
// incident id (by machine learning or through service dependencies), at
// most 20. It needs the account's Event Intelligence or AIOps features.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListRelated(ctx context.Context, id string, opts *RelatedIncidentsOptions) ([]RelatedIncident, error) {
	path, err := expandPath("/incidents/{id}/related_incidents", id)
	if err != nil {
		return nil, err
	}
	var q url.Values
	if opts != nil {
		q = detailsQuery(opts.IncludeDetails)
	}
	var out struct {
		Related []RelatedIncident `json:"related_incidents"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	return out.Related, nil
}

// PastIncident is an earlier incident of the same service that resembles
// another, with a similarity score.
type PastIncident struct {
	// Incident has the past incident's ID, title, creation time and URL.
	Incident Incident `json:"incident"`
	// Score is how similar the incidents are; higher is more similar.
	Score float64 `json:"score"`
}

// PastIncidentsOptions limits a past-incidents answer.
type PastIncidentsOptions struct {
	// Limit is how many to return, 1 to 999 (zero: the API's default, 5).
	Limit int
	// Total asks for the number of past incidents found.
	Total bool
}

// PastIncidents is a past-incidents answer.
type PastIncidents struct {
	Incidents []PastIncident
	// Total is the number found, when PastIncidentsOptions.Total was set.
	Total *int
	// Limit is the limit the API applied.
	Limit int
}

// ListPast returns the incidents of the same service, from the last six
// months, that resemble the incident id, most similar first. It needs the
// account's Event Intelligence or AIOps features.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListPast(ctx context.Context, id string, opts *PastIncidentsOptions) (*PastIncidents, error) {
	path, err := expandPath("/incidents/{id}/past_incidents", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if opts.Limit < 0 || opts.Limit > 999 {
			return nil, fmt.Errorf("pagerduty: Limit %d is out of range: past incidents are returned 1 to 999 at a time (0 for the default)", opts.Limit)
		}
		if opts.Limit > 0 {
			q.Set("limit", strconv.Itoa(opts.Limit))
		}
		if opts.Total {
			q.Set("total", "true")
		}
	}
	var out struct {
		Incidents []PastIncident `json:"past_incidents"`
		Total     *float64       `json:"total"`
		Limit     *float64       `json:"limit"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	res := &PastIncidents{Incidents: out.Incidents}
	if out.Total != nil {
		n := int(*out.Total)
		res.Total = &n
	}
	if out.Limit != nil {
		res.Limit = int(*out.Limit)
	}
	return res, nil
}

// OutlierIncidentOptions shapes an outlier-incident answer.
type OutlierIncidentOptions struct {
	// Since starts the period the incident is compared with.
	Since time.Time
	// IncludeDetails returns the incident in full.
	IncludeDetails bool
}

// OutlierIncident says how unusual an incident is for its service.
type OutlierIncident struct {
	Incident Incident `json:"incident"`
	// Occurrence counts similar incidents and classifies the incident.
	Occurrence *IncidentOccurrence `json:"occurrence,omitempty"`
	// Template is the pattern PagerDuty mined from similar incidents.
	Template *IncidentTemplate `json:"incident_template,omitempty"`
}

// IncidentOccurrence is how often incidents like one occurred in a period.
type IncidentOccurrence struct {
	Count     int     `json:"count"`
	Frequency float64 `json:"frequency"`
	// Category is "rare", "anomalous" or "frequent".
	Category string    `json:"category"`
	Since    time.Time `json:"since,omitzero"`
	Until    time.Time `json:"until,omitzero"`
}

// IncidentTemplate is the text pattern shared by similar incidents.
type IncidentTemplate struct {
	ID        string `json:"id"`
	ClusterID string `json:"cluster_id,omitempty"`
	MinedText string `json:"mined_text,omitempty"`
}

// GetOutlier returns how unusual the incident id is compared with the other
// incidents of its service: rare, anomalous or frequent. It needs the
// account's Event Intelligence or AIOps features.
//
// OAuth scope incidents.read.
func (s *IncidentsService) GetOutlier(ctx context.Context, id string, opts *OutlierIncidentOptions) (*OutlierIncident, error) {
	path, err := expandPath("/incidents/{id}/outlier_incident", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		q = detailsQuery(opts.IncludeDetails)
		if !opts.Since.IsZero() {
			q.Set("since", opts.Since.UTC().Format(time.RFC3339))
		}
	}
	var out struct {
		Outlier *struct {
			Incident struct {
				Incident
				Occurrence *IncidentOccurrence `json:"occurrence"`
			} `json:"incident"`
			Template *IncidentTemplate `json:"incident_template"`
		} `json:"outlier_incident"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	if out.Outlier == nil {
		return nil, fmt.Errorf("pagerduty: GET %s: the answer has no outlier_incident", path)
	}
	return &OutlierIncident{Incident: out.Outlier.Incident.Incident, Occurrence: out.Outlier.Incident.Occurrence, Template: out.Outlier.Template}, nil
}
