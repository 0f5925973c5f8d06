package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
)

// AddonType is where the web app shows an add-on.
type AddonType string

// The kinds of add-ons.
const (
	// FullPageAddon is a page of its own in the web app's menu.
	FullPageAddon AddonType = "full_page_addon"
	// IncidentShowAddon is shown on the page of each incident.
	IncidentShowAddon AddonType = "incident_show_addon"
)

// AddonInclude names what an add-on listing can embed.
type AddonInclude string

// AddonIncludeServices embeds the services of the add-ons.
const AddonIncludeServices AddonInclude = "services"

// ListAddonsOptions filters an add-on listing.
type ListAddonsOptions struct {
	ListOptions
	// Includes embeds AddonIncludeServices.
	Includes []AddonInclude `url:"include[]"`
	// ServiceIDs keeps the add-ons of these services.
	ServiceIDs []string `url:"service_ids[]"`
	// Filter keeps the add-ons of one kind.
	Filter AddonType `url:"filter"`
}

func (o *ListAddonsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOf("Includes", o.Includes, AddonIncludeServices); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkIDs("ServiceIDs", o.ServiceIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOfIfSet("Filter", o.Filter, FullPageAddon, IncidentShowAddon); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the account's add-ons. In a listing, Addon.Type is the
// reference form of the kind ("full_page_addon_reference").
//
// OAuth scope addons.read.
func (s *AddonsService) List(ctx context.Context, opts *ListAddonsOptions) iter.Seq2[Addon, error] {
	return offsetSeqAt[Addon](ctx, s.client, "/addons", "addons", opts.query)
}

// ListPage returns one page of the account's add-ons.
//
// OAuth scope addons.read.
func (s *AddonsService) ListPage(ctx context.Context, opts *ListAddonsOptions) (*Page[Addon], error) {
	return offsetPageAt[Addon](ctx, s.client, "/addons", "addons", opts.query)
}

// Get returns the add-on id.
//
// OAuth scope addons.read.
func (s *AddonsService) Get(ctx context.Context, id string) (*Addon, error) {
	path, err := expandPath("/addons/{id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[Addon](ctx, s.client, &request{method: "GET", path: path}, "addon")
}

// AddonParams defines an add-on. Create and Update both send the whole
// add-on: all fields are required.
type AddonParams struct {
	// Type is where the add-on shows.
	Type AddonType
	Name string
	// Src is the https URL of the page embedded in the web app.
	Src string
}

func (p *AddonParams) body() (any, error) {
	switch {
	case p == nil || p.Type == "":
		return nil, required("Type", "full_page_addon or incident_show_addon")
	case p.Name == "":
		return nil, required("Name", "the add-on's name")
	case p.Src == "":
		return nil, required("Src", "the https URL of the page to embed")
	}
	if err := oneOf("Type", []AddonType{p.Type}, FullPageAddon, IncidentShowAddon); err != nil {
		return nil, err
	}
	if u, err := url.Parse(p.Src); err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("pagerduty: Src %q is not an absolute https URL such as https://example.com/status", truncate(p.Src, 80))
	}
	return map[string]any{"addon": map[string]string{"type": string(p.Type), "name": p.Name, "src": p.Src}}, nil
}

// Create adds an add-on and returns it.
//
// OAuth scope addons.write.
func (s *AddonsService) Create(ctx context.Context, p *AddonParams) (*Addon, error) {
	return sendAt[Addon](ctx, s.client, "POST", "/addons", "addon", p.body)
}

// Update replaces the add-on id with p and returns it.
//
// OAuth scope addons.write.
func (s *AddonsService) Update(ctx context.Context, id string, p *AddonParams) (*Addon, error) {
	return sendAt[Addon](ctx, s.client, "PUT", "/addons/{id}", "addon", p.body, id)
}

// Delete removes the add-on id.
//
// OAuth scope addons.write.
func (s *AddonsService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/addons/{id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}
