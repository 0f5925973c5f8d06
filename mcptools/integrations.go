package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// maxVendors bounds how many vendors a lookup reads: the catalogue has a
// few hundred and the API cannot filter it by name.
const maxVendors = 2000

// vendors reads the vendor catalogue, keeping those whose name contains
// query (case-insensitive; empty keeps all).
func vendors(ctx context.Context, c *call, query string) ([]pagerduty.Vendor, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	var out []pagerduty.Vendor
	n := 0
	for v, err := range c.client.Vendors.List(ctx, &pagerduty.ListVendorsOptions{ListOptions: pagerduty.ListOptions{Limit: pagerduty.MaxPageSize}}) {
		if err != nil {
			return nil, err
		}
		if n++; n > maxVendors {
			break
		}
		if strings.Contains(strings.ToLower(v.Name), q) {
			out = append(out, v)
		}
	}
	return out, nil
}

// VendorInfo is a monitoring tool PagerDuty integrates with.
type VendorInfo struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is how it sends events, such as api or email.
	Kind string `json:"kind,omitempty"`
	// Guide is the vendor's integration guide.
	Guide string `json:"guide,omitempty"`
}

func (v *VendorInfo) line() string {
	s := v.Name + " (" + v.ID + ")"
	if v.Kind != "" {
		s += " [" + v.Kind + "]"
	}
	if v.Guide != "" {
		s += " " + v.Guide
	}
	return s
}

type listVendorsIn struct {
	Query string `json:"query,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Keep vendors whose name contains this text, such as datadog or cloudwatch."`
	Limit int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many vendors to return, 1 to 100 (default 25)."`
}

// VendorList is the vendors that match a query.
type VendorList struct {
	Vendors []VendorInfo `json:"vendors"`
	// Matched counts every match, of which Vendors holds the first limit.
	Matched int `json:"matched"`
}

func (l *VendorList) text() string {
	if l.Matched == 0 {
		return "No vendors match."
	}
	s := fmt.Sprintf("%d of %d matching vendors:", len(l.Vendors), l.Matched)
	return s + lines(l.Vendors, (*VendorInfo).line)
}

var listVendors = &tool[listVendorsIn, *VendorList]{
	spec: spec{
		name:    "list_vendors",
		title:   "Find monitoring tool vendors",
		toolset: ToolsetServices,
		description: `Finds the monitoring tools (vendors) PagerDuty has integrations for, by name: ID, how they send events (api, email...) and their integration guide.
create_service_integration takes a vendor's name directly, so this is needed only to browse or to settle an ambiguous name.`,
	},
	handler: func(ctx context.Context, c *call, in listVendorsIn) (*VendorList, error) {
		limit, err := pageLimit(in.Limit)
		if err != nil {
			return nil, err
		}
		vs, err := vendors(ctx, c, in.Query)
		if err != nil {
			return nil, err
		}
		out := &VendorList{Vendors: []VendorInfo{}, Matched: len(vs)}
		for i := range vs {
			if i == limit {
				break
			}
			v := &vs[i]
			out.Vendors = append(out.Vendors, VendorInfo{ID: v.ID, Name: firstNonEmpty(v.Name, v.Summary), Kind: v.GenericServiceType, Guide: v.IntegrationGuide})
		}
		return out, nil
	},
}

type createIntegrationIn struct {
	Service string `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service that receives the tool's alerts: its ID or name."`
	Vendor  string `json:"vendor,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The monitoring tool, by name (Datadog, Amazon CloudWatch, Prometheus...) or ID; leave it out for a plain Events API integration."`
	Type    string `json:"type,omitempty" jsonschema:"enum=events_api_v2,enum=events_api_v1,enum=email" jsonschema_description:"How the tool sends events: events_api_v2 (default), events_api_v1 (older tools), or email (default for vendors that send email)."`
	Name    string `json:"name,omitempty" jsonschema:"maxLength=255" jsonschema_description:"The integration's name (default: the vendor's name, or Events API V2)."`
	Email   string `json:"email,omitempty" jsonschema:"maxLength=320" jsonschema_description:"For an email integration: the address alerts are sent to, at the account's PagerDuty domain (such as db-alerts@acme.pagerduty.com)."`
	ShowKey bool   `json:"show_key,omitempty" jsonschema_description:"Return the integration key the tool sends events with. It is a credential: ask for it only when the user configures the tool now (it stays readable on the integration's page). Default false."`
}

// IntegrationCreated is a new integration of a service.
type IntegrationCreated struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Service *Ref   `json:"service"`
	Vendor  *Ref   `json:"vendor,omitempty"`
	// Email is the address of an email integration.
	Email string `json:"email,omitempty"`
	// Key is the integration key, only when asked for.
	Key string `json:"key,omitempty"`
	// URL is the integration's page, where the key can be copied.
	URL string `json:"url,omitempty"`
}

func (i *IntegrationCreated) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Created integration %s (%s) on service %s", i.Name, i.ID, i.Service.String())
	if i.Vendor != nil {
		b.WriteString(" for " + i.Vendor.String())
	}
	switch {
	case i.Email != "":
		b.WriteString("\nSend alerts by email to " + i.Email)
	case i.Key != "":
		b.WriteString("\nIntegration key: " + i.Key)
	default:
		b.WriteString("\nThe integration key is withheld (a credential): copy it from the integration's page")
	}
	if i.URL != "" {
		b.WriteString("\nPage: " + i.URL)
	}
	return b.String()
}

var integrationTypes = map[string]pagerduty.IntegrationType{
	"events_api_v2": pagerduty.IntegrationEventsAPIV2,
	"events_api_v1": pagerduty.IntegrationGenericEventsAPI,
	"email":         pagerduty.IntegrationGenericEmail,
}

var createServiceIntegration = &tool[createIntegrationIn, *IntegrationCreated]{
	spec: spec{
		name:    "create_service_integration",
		title:   "Connect a monitoring tool to a service",
		toolset: ToolsetServices,
		write:   true,
		description: `Adds an integration to a service so that a monitoring tool (Datadog, CloudWatch, Prometheus, Nagios, email...) can open its incidents. Give the service and the vendor by name: the tool finds both.
Returns the integration and its page. The integration key the tool must be configured with is a credential: it is returned only with show_key, and can be copied from the page. Configuring the monitoring tool itself is done in that tool.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in createIntegrationIn) (*IntegrationCreated, error) {
		p := &pagerduty.IntegrationParams{Name: strings.TrimSpace(in.Name), IntegrationEmail: strings.TrimSpace(in.Email)}
		var vendor *pagerduty.Vendor
		if v := strings.TrimSpace(in.Vendor); v != "" {
			var err error
			if vendor, err = findVendor(ctx, c, v); err != nil {
				return nil, err
			}
			p.VendorID = vendor.ID
		}
		kind := in.Type
		if kind == "" {
			kind = "events_api_v2"
			if vendor != nil && strings.EqualFold(vendor.GenericServiceType, "email") {
				kind = "email"
			}
		}
		p.Type = integrationTypes[kind]
		if kind == "email" && p.IntegrationEmail == "" {
			return nil, argError("email", "an email integration needs the address alerts are sent to, at the account's PagerDuty domain (such as db-alerts@acme.pagerduty.com)")
		}
		if kind != "email" && p.IntegrationEmail != "" {
			return nil, argError("email", "only email integrations have an address: set type email, or leave email out")
		}
		if p.Name == "" {
			p.Name = "Events API V2"
			switch {
			case vendor != nil:
				p.Name = vendor.Name
			case kind == "email":
				p.Name = "Email"
			case kind == "events_api_v1":
				p.Name = "Events API V1"
			}
		}
		sid, err := resolveService(ctx, c, "service", in.Service)
		if err != nil {
			return nil, err
		}
		i, err := c.client.Services.CreateIntegration(ctx, sid, p)
		if err != nil {
			return nil, err
		}
		out := &IntegrationCreated{ID: i.ID, Name: firstNonEmpty(i.Name, i.Summary, p.Name), Type: kind, Service: &Ref{ID: sid},
			Email: i.IntegrationEmail, URL: i.HTMLURL}
		if s := i.Service; s != nil {
			out.Service = refOf(s.ID, s.Name, s.Summary)
		}
		if vendor != nil {
			out.Vendor = refOf(vendor.ID, vendor.Name, vendor.Summary)
		}
		if in.ShowKey {
			out.Key = i.IntegrationKey
		}
		return out, nil
	},
}

// findVendor finds a vendor by ID or name.
func findVendor(ctx context.Context, c *call, v string) (*pagerduty.Vendor, error) {
	if looksLikeID(v) && strings.ContainsAny(v, "0123456789") {
		id, err := checkID("vendor", v)
		if err != nil {
			return nil, err
		}
		return c.client.Vendors.Get(ctx, id)
	}
	vs, err := vendors(ctx, c, v)
	if err != nil {
		return nil, err
	}
	cands := make([]candidate, len(vs))
	for i := range vs {
		cands[i] = candidate{ID: vs[i].ID, Name: vs[i].Name}
	}
	m, err := pick("vendor", "vendor", v, cands)
	if err != nil {
		return nil, err
	}
	for i := range vs {
		if vs[i].ID == m.ID {
			return &vs[i], nil
		}
	}
	return nil, argError("vendor", "no vendor is named %q", truncate(v, 60))
}
