package pagerduty

import (
	"context"
	"iter"
	"net/url"
	"time"
)

// IncidentTypeFilter selects incident types by state in a listing.
type IncidentTypeFilter string

// The incident type filters.
const (
	IncidentTypesEnabled  IncidentTypeFilter = "enabled"
	IncidentTypesDisabled IncidentTypeFilter = "disabled"
	IncidentTypesAll      IncidentTypeFilter = "all"
)

// IncidentType is a kind of incident ("security", "major") with its own
// custom fields, derived from a parent type. The incident types API answers
// with the whole object; an incident's IncidentType field often carries
// only Name.
type IncidentType struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type,omitempty"`
	// Name is the type's fixed name, usable in place of its ID in every
	// call; DisplayName is what people see.
	Name        string `json:"name"`
	DisplayName string `json:"display_name,omitempty"`
	Description string `json:"description,omitempty"`
	Enabled     bool   `json:"enabled,omitempty"`
	// Parent is the type this one derives from; nil for the base type.
	Parent    *Reference `json:"parent,omitempty"`
	CreatedAt time.Time  `json:"created_at,omitzero"`
	UpdatedAt time.Time  `json:"updated_at,omitzero"`
}

// ListIncidentTypesOptions filters an incident type listing.
type ListIncidentTypesOptions struct {
	// Filter keeps enabled (the API's default), disabled or all types.
	Filter IncidentTypeFilter `url:"filter"`
}

// CreateIncidentTypeParams defines a new incident type.
type CreateIncidentTypeParams struct {
	// Name is the fixed name (required).
	Name string `json:"name"`
	// DisplayName is what people see (required).
	DisplayName string `json:"display_name"`
	// ParentType is the ID or name of the type this one derives from
	// (required), such as "incident_default".
	ParentType string `json:"parent_type"`
	// Description says what the type is for (required).
	Description string `json:"description"`
	// Enabled makes the type available; nil leaves the API's default.
	Enabled *bool `json:"enabled,omitempty"`
}

// UpdateIncidentTypeParams changes an incident type.
type UpdateIncidentTypeParams struct {
	// Description is required by the API on every update.
	Description string `json:"description"`
	// DisplayName replaces the name people see; empty keeps it.
	DisplayName string `json:"display_name,omitempty"`
	// Enabled enables or disables the type; nil keeps its state.
	Enabled *bool `json:"enabled,omitempty"`
}

// List streams the account's incident types (the API answers them in one
// piece).
//
// OAuth scope incident_types.read.
func (s *IncidentTypesService) List(ctx context.Context, opts *ListIncidentTypesOptions) iter.Seq2[IncidentType, error] {
	q := url.Values{}
	if opts != nil {
		if err := oneOfIfSet("Filter", opts.Filter, IncidentTypesEnabled, IncidentTypesDisabled, IncidentTypesAll); err != nil {
			return errSeq[IncidentType](err)
		}
		encodeQuery(q, opts)
	}
	return wholeList[IncidentType](ctx, s.client, "/incidents/types", "incident_types", q)
}

// Get returns the incident type with the given ID or name.
//
// OAuth scope incident_types.read.
func (s *IncidentTypesService) Get(ctx context.Context, idOrName string) (*IncidentType, error) {
	return getAt[IncidentType](ctx, s.client, "/incidents/types/{type_id_or_name}", "incident_type", idOrName)
}

// Create defines a new incident type and returns it.
//
// OAuth scope incident_types.write.
func (s *IncidentTypesService) Create(ctx context.Context, p *CreateIncidentTypeParams) (*IncidentType, error) {
	switch {
	case p == nil || p.Name == "":
		return nil, required("Name", "the type's fixed name, such as \"security\"")
	case p.DisplayName == "":
		return nil, required("DisplayName", "the name people see, such as \"Security\"")
	case p.ParentType == "":
		return nil, required("ParentType", "the ID or name of the parent type, such as \"incident_default\"")
	case p.Description == "":
		return nil, required("Description", "what the type is for")
	}
	if err := ValidateID(p.ParentType); err != nil {
		return nil, namedFieldErr("ParentType", err)
	}
	r := &request{method: "POST", path: "/incidents/types", body: map[string]any{"incident_type": p}}
	return objectCall[IncidentType](ctx, s.client, r, "incident_type")
}

// Update changes the incident type with the given ID or name and returns
// it. The API requires Description on every update.
//
// OAuth scope incident_types.write.
func (s *IncidentTypesService) Update(ctx context.Context, idOrName string, p *UpdateIncidentTypeParams) (*IncidentType, error) {
	path, err := expandPath("/incidents/types/{type_id_or_name}", idOrName)
	if err != nil {
		return nil, err
	}
	if p == nil || p.Description == "" {
		return nil, required("Description", "the API wants the type's description on every update")
	}
	r := &request{method: "PUT", path: path, body: map[string]any{"incident_type": p}}
	return objectCall[IncidentType](ctx, s.client, r, "incident_type")
}
