package pagerduty

import (
	"context"
	"fmt"
	"net/url"
)

// StandardResourceType is the kind of object a standard applies to.
type StandardResourceType string

// StandardTechnicalService is the kind of object standards apply to:
// technical services.
const StandardTechnicalService StandardResourceType = "technical_service"

// StandardScoresTechnicalServices is the resource type the score calls take
// in their path (plural, unlike StandardTechnicalService).
const StandardScoresTechnicalServices = "technical_services"

// Standard is a rule of good practice services are scored against, such as
// "has a description".
type Standard struct {
	ID           string               `json:"id"`
	Type         string               `json:"type,omitempty"`
	Name         string               `json:"name"`
	Description  string               `json:"description,omitempty"`
	Active       bool                 `json:"active"`
	ResourceType StandardResourceType `json:"resource_type,omitempty"`
	// Exclusions and Inclusions narrow the services the standard applies
	// to.
	Exclusions []StandardScope `json:"exclusions,omitempty"`
	Inclusions []StandardScope `json:"inclusions,omitempty"`
}

// StandardScope names a service a standard includes or excludes; Type is
// "technical_service_reference" (the default when sent empty).
type StandardScope struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// StandardScores is how one object scores against the standards.
type StandardScores struct {
	ResourceID   string               `json:"resource_id"`
	ResourceType StandardResourceType `json:"resource_type"`
	Score        struct {
		// Passing of Total standards are met.
		Passing int `json:"passing"`
		Total   int `json:"total"`
	} `json:"score"`
	Standards []StandardResult `json:"standards"`
}

// StandardResult is a standard and whether an object meets it.
type StandardResult struct {
	ID          string `json:"id"`
	Type        string `json:"type,omitempty"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Active      bool   `json:"active"`
	// Pass reports whether the object meets the standard.
	Pass bool `json:"pass"`
}

// ListStandardsOptions filters the standards. The zero value lists them
// all.
type ListStandardsOptions struct {
	// Active, when set, keeps the active (true) or inactive (false)
	// standards.
	Active       *bool                `url:"active"`
	ResourceType StandardResourceType `url:"resource_type"`
}

// List returns the account's standards.
//
// OAuth scope standards.read.
func (s *StandardsService) List(ctx context.Context, opts *ListStandardsOptions) ([]Standard, error) {
	q := url.Values{}
	if opts != nil {
		if err := oneOfIfSet("ResourceType", opts.ResourceType, StandardTechnicalService); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return sliceCall[Standard](ctx, s.client, "/standards", "standards", q)
}

// UpdateStandardParams changes a standard; nil and empty fields are left as
// they are.
type UpdateStandardParams struct {
	Active      *bool   `json:"active,omitempty"`
	Description *string `json:"description,omitempty"`
	// Regex is the pattern of standards that check a text against one.
	Regex      *string         `json:"-"`
	Inclusions []StandardScope `json:"inclusions,omitempty"`
	Exclusions []StandardScope `json:"exclusions,omitempty"`
}

// Update changes the standard with the given ID and returns it as stored.
//
// OAuth scope standards.write.
func (s *StandardsService) Update(ctx context.Context, id string, p UpdateStandardParams) (*Standard, error) {
	path, err := expandPath("/standards/{id}", id)
	if err != nil {
		return nil, err
	}
	for i, sc := range append(append([]StandardScope(nil), p.Inclusions...), p.Exclusions...) {
		if err := checkIDs(fmt.Sprintf("Inclusions/Exclusions[%d].ID", i), []string{sc.ID}); err != nil {
			return nil, err
		}
	}
	body := struct {
		UpdateStandardParams
		Values *standardValues `json:"values,omitempty"`
	}{UpdateStandardParams: p}
	body.Inclusions, body.Exclusions = withScopeType(p.Inclusions), withScopeType(p.Exclusions)
	if p.Regex != nil {
		body.Values = &standardValues{Regex: *p.Regex}
	}
	var out Standard
	if err := s.client.do(ctx, &request{method: "PUT", path: path, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

type standardValues struct {
	Regex string `json:"regex"`
}

func withScopeType(in []StandardScope) []StandardScope {
	if in == nil {
		return nil
	}
	out := make([]StandardScope, len(in))
	for i, sc := range in {
		if sc.Type == "" {
			sc.Type = "technical_service_reference"
		}
		out[i] = sc
	}
	return out
}

// ListScores returns how each of the technical services with the given IDs
// scores against the standards.
//
// OAuth scope standards.read.
func (s *StandardsService) ListScores(ctx context.Context, serviceIDs []string) ([]StandardScores, error) {
	if len(serviceIDs) == 0 {
		return nil, required("serviceIDs", "the IDs of the technical services to score")
	}
	if len(serviceIDs) > MaxPageSize {
		return nil, fmt.Errorf("pagerduty: %d service IDs: the API scores at most %d at a time", len(serviceIDs), MaxPageSize)
	}
	if err := checkIDs("serviceIDs", serviceIDs); err != nil {
		return nil, err
	}
	q := url.Values{"ids": serviceIDs}
	return sliceCall[StandardScores](ctx, s.client, "/standards/scores/"+StandardScoresTechnicalServices, "resources", q)
}

// GetScores returns how the technical service with the given ID scores
// against the standards.
//
// OAuth scope standards.read.
func (s *StandardsService) GetScores(ctx context.Context, serviceID string) (*StandardScores, error) {
	path, err := expandPath("/standards/scores/{resource_type}/{id}", StandardScoresTechnicalServices, serviceID)
	if err != nil {
		return nil, err
	}
	var out StandardScores
	if err := s.client.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
