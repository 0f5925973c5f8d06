package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
)

// ExtensionInclude names what an extension answer can embed in full.
type ExtensionInclude string

// The expansions of extensions.
const (
	// ExtensionIncludeObjects embeds the services (Extension.Objects).
	ExtensionIncludeObjects ExtensionInclude = "extension_objects"
	// ExtensionIncludeSchemas embeds the schema (Extension.Schema).
	ExtensionIncludeSchemas ExtensionInclude = "extension_schemas"
	// ExtensionIncludeTemporarilyDisabled reports
	// Extension.TemporarilyDisabled (Get only).
	ExtensionIncludeTemporarilyDisabled ExtensionInclude = "temporarily_disabled"
)

// Extension is an outbound integration attached to services: it forwards
// their incidents' events to a vendor, as its schema defines.
type Extension struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name string `json:"name"`
	// EndpointURL receives the events, for schemas that take one.
	EndpointURL string `json:"endpoint_url,omitempty"`
	// Objects are the services the extension is attached to (in full with
	// ExtensionIncludeObjects).
	Objects []Service `json:"extension_objects,omitempty"`
	// Schema is the kind of extension (in full with
	// ExtensionIncludeSchemas).
	Schema *ExtensionSchema `json:"extension_schema,omitempty"`
	// TemporarilyDisabled reports deliveries stopped after failures; Enable
	// resumes them.
	TemporarilyDisabled bool `json:"temporarily_disabled,omitempty"`
	// Config holds the schema's settings, as JSON decodes them.
	Config map[string]any `json:"config,omitempty"`
}

// ListExtensionsOptions filters an extension listing.
type ListExtensionsOptions struct {
	ListOptions
	// Query keeps the extensions whose name contains it.
	Query string `url:"query"`
	// ObjectID keeps the extensions attached to this service.
	ObjectID string `url:"extension_object_id"`
	// SchemaID keeps the extensions of this schema.
	SchemaID string `url:"extension_schema_id"`
	// Includes embeds ExtensionIncludeObjects or ExtensionIncludeSchemas.
	Includes []ExtensionInclude `url:"include[]"`
}

func (o *ListExtensionsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	for _, f := range [...]struct{ name, id string }{{"ObjectID", o.ObjectID}, {"SchemaID", o.SchemaID}} {
		if f.id != "" {
			if err := ValidateID(f.id); err != nil {
				return nil, ListOptions{}, namedFieldErr(f.name, err)
			}
		}
	}
	if err := oneOf("Includes", o.Includes, ExtensionIncludeObjects, ExtensionIncludeSchemas); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the account's extensions.
//
// OAuth scope extensions.read.
func (s *ExtensionsService) List(ctx context.Context, opts *ListExtensionsOptions) iter.Seq2[Extension, error] {
	return offsetSeqAt[Extension](ctx, s.client, "/extensions", "extensions", opts.query)
}

// ListPage returns one page of the account's extensions.
//
// OAuth scope extensions.read.
func (s *ExtensionsService) ListPage(ctx context.Context, opts *ListExtensionsOptions) (*Page[Extension], error) {
	return offsetPageAt[Extension](ctx, s.client, "/extensions", "extensions", opts.query)
}

// GetExtensionOptions selects what an extension answer embeds.
type GetExtensionOptions struct {
	// Includes embeds ExtensionIncludeObjects, ExtensionIncludeSchemas or
	// ExtensionIncludeTemporarilyDisabled.
	Includes []ExtensionInclude `url:"include[]"`
}

// Get returns the extension id.
//
// OAuth scope extensions.read.
func (s *ExtensionsService) Get(ctx context.Context, id string, opts *GetExtensionOptions) (*Extension, error) {
	path, err := expandPath("/extensions/{id}", id)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if err := oneOf("Includes", opts.Includes, ExtensionIncludeObjects, ExtensionIncludeSchemas, ExtensionIncludeTemporarilyDisabled); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return objectCall[Extension](ctx, s.client, &request{method: "GET", path: path, query: q}, "extension")
}

// ExtensionParams defines an extension. Create and Update both send the
// whole extension: Name and SchemaID are required, and Update replaces the
// services and the configuration with those given.
type ExtensionParams struct {
	Name string
	// SchemaID names the kind of extension (ExtensionSchemas.List).
	SchemaID string
	// ServiceIDs are the services to attach the extension to.
	ServiceIDs []string
	// EndpointURL receives the events, for schemas that take one.
	EndpointURL string
	// Config holds the schema's settings; nil sends an empty object.
	Config map[string]any
}

func (p *ExtensionParams) body() (any, error) {
	if p == nil || p.Name == "" {
		return nil, required("Name", "the extension's name")
	}
	if p.SchemaID == "" {
		return nil, required("SchemaID", "the ID of an extension schema, as ExtensionSchemas.List returns it")
	}
	if err := ValidateID(p.SchemaID); err != nil {
		return nil, namedFieldErr("SchemaID", err)
	}
	if err := checkIDs("ServiceIDs", p.ServiceIDs); err != nil {
		return nil, err
	}
	if p.EndpointURL != "" {
		if u, err := url.Parse(p.EndpointURL); err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return nil, fmt.Errorf("pagerduty: EndpointURL %q is not an absolute http(s) URL such as https://example.com/hook", truncate(p.EndpointURL, 80))
		}
	}
	cfg := p.Config
	if cfg == nil {
		cfg = map[string]any{}
	}
	w := map[string]any{
		"type":             "extension",
		"name":             p.Name,
		"extension_schema": Ref("extension_schema_reference", p.SchemaID),
		"config":           cfg,
	}
	if p.EndpointURL != "" {
		w["endpoint_url"] = p.EndpointURL
	}
	if p.ServiceIDs != nil {
		objs := make([]Reference, len(p.ServiceIDs))
		for i, id := range p.ServiceIDs {
			objs[i] = Ref("service_reference", id)
		}
		w["extension_objects"] = objs
	}
	return map[string]any{"extension": w}, nil
}

// Create adds an extension and returns it.
//
// OAuth scope extensions.write.
func (s *ExtensionsService) Create(ctx context.Context, p *ExtensionParams) (*Extension, error) {
	return sendAt[Extension](ctx, s.client, "POST", "/extensions", "extension", p.body)
}

// Update replaces the extension id with p and returns it.
//
// OAuth scope extensions.write.
func (s *ExtensionsService) Update(ctx context.Context, id string, p *ExtensionParams) (*Extension, error) {
	return sendAt[Extension](ctx, s.client, "PUT", "/extensions/{id}", "extension", p.body, id)
}

// Delete removes the extension id.
//
// OAuth scope extensions.write.
func (s *ExtensionsService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/extensions/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// Enable resumes the extension id after PagerDuty disabled it for repeated
// failures, and returns it.
//
// OAuth scope extensions.write.
func (s *ExtensionsService) Enable(ctx context.Context, id string) (*Extension, error) {
	path, err := expandPath("/extensions/{id}/enable", id)
	if err != nil {
		return nil, err
	}
	// Enabling twice leaves the same state.
	return objectCall[Extension](ctx, s.client, &request{method: "POST", path: path, retrySafe: true}, "extension")
}
