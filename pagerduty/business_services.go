package pagerduty

import (
	"context"
	"errors"
	"iter"
)

// BusinessService is a service as the business sees it (online checkout,
// payroll), backed by the technical services it depends on. Its status
// follows the incidents of those services.
type BusinessService struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// PointOfContact says whom to reach about the service, in free text.
	PointOfContact string `json:"point_of_contact,omitempty"`
	// Team is the team that owns the service, when one does.
	Team *Reference `json:"team,omitempty"`
}

// BusinessServiceParams defines a business service or changes one. Create
// needs Name; Update sends only what is set, so a nil field keeps its value.
type BusinessServiceParams struct {
	Name        string
	Description *string
	// PointOfContact says whom to reach about the service.
	PointOfContact *string
	// TeamID names the team that owns the service.
	TeamID string
}

type businessServiceWire struct {
	Name           string  `json:"name,omitempty"`
	Description    *string `json:"description,omitempty"`
	PointOfContact *string `json:"point_of_contact,omitempty"`
	Team           *struct {
		ID string `json:"id"`
	} `json:"team,omitempty"`
}

func (p *BusinessServiceParams) wire(create bool) (map[string]any, error) {
	if p == nil {
		p = &BusinessServiceParams{}
	}
	if create && p.Name == "" {
		return nil, required("Name", "the business service's name, such as \"Online checkout\"")
	}
	w := businessServiceWire{Name: p.Name, Description: p.Description, PointOfContact: p.PointOfContact}
	if p.TeamID != "" {
		if err := ValidateID(p.TeamID); err != nil {
			return nil, namedFieldErr("TeamID", err)
		}
		w.Team = &struct {
			ID string `json:"id"`
		}{p.TeamID}
	}
	if !create && w.Name == "" && w.Description == nil && w.PointOfContact == nil && w.Team == nil {
		return nil, errors.New("pagerduty: the update changes nothing: set Name, Description, PointOfContact or TeamID")
	}
	return map[string]any{"business_service": w}, nil
}

// List streams the account's business services.
//
// OAuth scope services.read.
func (s *BusinessServicesService) List(ctx context.Context, opts *ListOptions) iter.Seq2[BusinessService, error] {
	return offsetSeqAt[BusinessService](ctx, s.client, "/business_services", "business_services", pagedQuery(opts))
}

// ListPage returns one page of the account's business services.
//
// OAuth scope services.read.
func (s *BusinessServicesService) ListPage(ctx context.Context, opts *ListOptions) (*Page[BusinessService], error) {
	return offsetPageAt[BusinessService](ctx, s.client, "/business_services", "business_services", pagedQuery(opts))
}

// Get returns the business service id.
//
// OAuth scope services.read.
func (s *BusinessServicesService) Get(ctx context.Context, id string) (*BusinessService, error) {
	path, err := expandPath("/business_services/{id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[BusinessService](ctx, s.client, &request{method: "GET", path: path}, "business_service")
}

// Create defines a business service and returns it.
//
// OAuth scope services.write.
func (s *BusinessServicesService) Create(ctx context.Context, p *BusinessServiceParams) (*BusinessService, error) {
	return sendAt[BusinessService](ctx, s.client, "POST", "/business_services", "business_service", func() (map[string]any, error) { return p.wire(true) })
}

// Update changes the business service id (only the fields p sets) and
// returns it.
//
// OAuth scope services.write.
func (s *BusinessServicesService) Update(ctx context.Context, id string, p *BusinessServiceParams) (*BusinessService, error) {
	return sendAt[BusinessService](ctx, s.client, "PUT", "/business_services/{id}", "business_service",
		func() (map[string]any, error) { return p.wire(false) },
		id)
}

// Delete removes the business service id.
//
// OAuth scope services.write.
func (s *BusinessServicesService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/business_services/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}
