package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
)

// TemplateType is the kind of message a template writes.
type TemplateType string

// TemplateStatusUpdate templates write incident status updates.
const TemplateStatusUpdate TemplateType = "status_update"

// TemplateSort is an order of the template listing.
type TemplateSort string

// The orders of the template listing.
const (
	TemplateSortName          TemplateSort = "name"
	TemplateSortNameAsc       TemplateSort = "name:asc"
	TemplateSortNameDesc      TemplateSort = "name:desc"
	TemplateSortCreatedAt     TemplateSort = "created_at"
	TemplateSortCreatedAtAsc  TemplateSort = "created_at:asc"
	TemplateSortCreatedAtDesc TemplateSort = "created_at:desc"
)

// Template is a message template: text with placeholders that PagerDuty
// fills with an incident's fields when it sends a status update.
type Template struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	TemplateType    TemplateType   `json:"template_type,omitempty"`
	Name            string         `json:"name"`
	Description     string         `json:"description,omitempty"`
	TemplatedFields TemplateFields `json:"templated_fields"`
	// CreatedBy and UpdatedBy are a user or, for changes made by
	// PagerDuty, the account (type "account_reference").
	CreatedBy *Reference `json:"created_by,omitempty"`
	UpdatedBy *Reference `json:"updated_by,omitempty"`
}

// TemplateFields are the texts of a template, each with placeholders.
type TemplateFields struct {
	EmailSubject string `json:"email_subject,omitempty"`
	EmailBody    string `json:"email_body,omitempty"`
	// Message is the short text of SMS, push and chat notifications.
	Message string `json:"message,omitempty"`
}

// TemplateParams creates or replaces a template. Name and at least one
// templated field are required.
type TemplateParams struct {
	// TemplateType defaults to TemplateStatusUpdate when empty.
	TemplateType    TemplateType   `json:"template_type"`
	Name            string         `json:"name"`
	Description     string         `json:"description,omitempty"`
	TemplatedFields TemplateFields `json:"templated_fields"`
}

func (p TemplateParams) body() (map[string]any, error) {
	if p.Name == "" {
		return nil, required("Name", "the template's name")
	}
	if p.TemplatedFields == (TemplateFields{}) {
		return nil, required("TemplatedFields", "at least one of EmailSubject, EmailBody or Message")
	}
	if p.TemplateType == "" {
		p.TemplateType = TemplateStatusUpdate
	}
	if err := oneOf("TemplateType", []TemplateType{p.TemplateType}, TemplateStatusUpdate); err != nil {
		return nil, err
	}
	return map[string]any{"template": p}, nil
}

// ListTemplatesOptions filters, orders and pages the templates. The zero
// value lists the status update templates, oldest first.
type ListTemplatesOptions struct {
	ListOptions
	// Query keeps the templates whose name contains it.
	Query        string       `url:"query"`
	TemplateType TemplateType `url:"template_type"`
	SortBy       TemplateSort `url:"sort_by"`
}

func (o *ListTemplatesOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOfIfSet("TemplateType", o.TemplateType, TemplateStatusUpdate); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOfIfSet("SortBy", o.SortBy, TemplateSortName, TemplateSortNameAsc, TemplateSortNameDesc,
		TemplateSortCreatedAt, TemplateSortCreatedAtAsc, TemplateSortCreatedAtDesc); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the templates that match opts, in pages, fetching the next
// page only when the loop asks for it.
//
// OAuth scope templates.read.
func (s *TemplatesService) List(ctx context.Context, opts *ListTemplatesOptions) iter.Seq2[Template, error] {
	return offsetSeqAt[Template](ctx, s.client, "/templates", "templates", opts.query)
}

// ListPage returns one page of the templates that match opts, with its
// paging facts.
//
// OAuth scope templates.read.
func (s *TemplatesService) ListPage(ctx context.Context, opts *ListTemplatesOptions) (*Page[Template], error) {
	return offsetPageAt[Template](ctx, s.client, "/templates", "templates", opts.query)
}

// Get returns the template with the given ID.
//
// OAuth scope templates.read.
func (s *TemplatesService) Get(ctx context.Context, id string) (*Template, error) {
	path, err := expandPath("/templates/{id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[Template](ctx, s.client, &request{method: "GET", path: path}, "template")
}

// Create creates a template and returns it as stored.
//
// OAuth scope templates.write.
func (s *TemplatesService) Create(ctx context.Context, p TemplateParams) (*Template, error) {
	return sendAt[Template](ctx, s.client, "POST", "/templates", "template", p.body)
}

// Update replaces the template with the given ID and returns it as stored.
//
// OAuth scope templates.write.
func (s *TemplatesService) Update(ctx context.Context, id string, p TemplateParams) (*Template, error) {
	return sendAt[Template](ctx, s.client, "PUT", "/templates/{id}", "template", p.body, id)
}

// Delete deletes the template with the given ID.
//
// OAuth scope templates.write.
func (s *TemplatesService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/templates/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// RenderTemplateParams says what to render a status update template for.
type RenderTemplateParams struct {
	// IncidentID is the incident whose fields fill the placeholders
	// (required).
	IncidentID string `json:"incident_id"`
	// Message is passed to the template as the status update's message.
	Message string `json:"-"`
	// External is any JSON-encodable value the template can refer to.
	External any `json:"external,omitempty"`
}

// RenderedTemplate is a template filled in for an incident, with what went
// wrong: Warnings per field, and Errors.
type RenderedTemplate struct {
	TemplatedFields TemplateFields   `json:"templated_fields"`
	Warnings        TemplateWarnings `json:"warnings"`
	Errors          []string         `json:"errors,omitempty"`
}

// Render fills the template with the given ID for an incident, without
// sending anything, and returns the texts.
//
// OAuth scope templates.read.
func (s *TemplatesService) Render(ctx context.Context, id string, p RenderTemplateParams) (*RenderedTemplate, error) {
	path, err := expandPath("/templates/{id}/render", id)
	if err != nil {
		return nil, err
	}
	if err := checkIDs("IncidentID", []string{p.IncidentID}); err != nil {
		return nil, err
	}
	body := struct {
		RenderTemplateParams
		StatusUpdate *struct {
			Message string `json:"message"`
		} `json:"status_update,omitempty"`
	}{RenderTemplateParams: p}
	if p.Message != "" {
		body.StatusUpdate = &struct {
			Message string `json:"message"`
		}{p.Message}
	}
	if p.External != nil {
		if _, err := json.Marshal(p.External); err != nil {
			return nil, fmt.Errorf("pagerduty: External cannot be sent as JSON: %w", err)
		}
	}
	var out RenderedTemplate
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// TemplateField is a placeholder templates can use.
type TemplateField struct {
	// Type is "standard_field" or "custom_field".
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	// Keyword is what a template writes to use the field.
	Keyword      string `json:"keyword,omitempty"`
	DataType     string `json:"data_type,omitempty"`
	Description  string `json:"description,omitempty"`
	Example      string `json:"example,omitempty"`
	DefaultValue string `json:"default_value,omitempty"`
	DomainName   *struct {
		Order   int    `json:"order"`
		Summary string `json:"summary"`
	} `json:"domain_name,omitempty"`
}

// ListFields returns the placeholders templates can use.
//
// OAuth scope templates.read.
func (s *TemplatesService) ListFields(ctx context.Context) ([]TemplateField, error) {
	return sliceCall[TemplateField](ctx, s.client, "/templates/fields", "fields", nil)
}
