package pagerduty

import (
	"context"
	"fmt"
	"net/url"
)

// StatusDashboard is a custom view of business services and how incidents
// impact them, as the status dashboard of the web app shows it.
type StatusDashboard struct {
	ID string `json:"id"`
	// URLSlug is the dashboard's readable name in URLs, such as
	// "my-dashboard".
	URLSlug string `json:"url_slug"`
	Name    string `json:"name"`
}

// DashboardField names an extra field a dashboard's impacts answer can
// carry (the additional_fields[] parameter).
type DashboardField string

// The extra fields of dashboard impacts.
const (
	// DashboardHighestImpactingPriority sets each service's
	// Impact.HighestImpactingPriority.
	DashboardHighestImpactingPriority DashboardField = "services.highest_impacting_priority"
	// DashboardTotalImpactedCount sets DashboardImpacts.TotalImpactedCount.
	DashboardTotalImpactedCount DashboardField = "total_impacted_count"
)

// DashboardImpactsOptions selects the extra fields of a dashboard's impacts.
type DashboardImpactsOptions struct {
	AdditionalFields []DashboardField `url:"additional_fields[]"`
}

// DashboardImpacts are the most impacted business services of a status
// dashboard, most impacted first, then most recently impacted, then by name;
// at most 200 of them.
type DashboardImpacts struct {
	Services []Impact
	// Limit and More say how many services the API sent at most and whether
	// it held some back.
	Limit int
	More  bool
	// TotalImpactedCount counts all the dashboard's impacted services, when
	// asked for (DashboardTotalImpactedCount).
	TotalImpactedCount *int
}

// List returns the account's custom status dashboards, as
// one page: the API description documents no parameter to ask for the next
// one (Page.NextCursor is set when there is one).
//
// OAuth scope status_dashboards.read.
func (s *StatusDashboardsService) List(ctx context.Context) (*Page[StatusDashboard], error) {
	return getPage[StatusDashboard](ctx, s.client, "/status_dashboards", "status_dashboards", nil)
}

func dashboardAnswer(ctx context.Context, c *Client, path string) (*StatusDashboard, error) {
	var out struct {
		Dashboard *StatusDashboard `json:"status_dashboard"`
	}
	if err := c.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	if out.Dashboard == nil {
		return nil, fmt.Errorf("pagerduty: GET %s: the answer has no status_dashboard", path)
	}
	return out.Dashboard, nil
}

// Get returns the status dashboard id.
//
// OAuth scope status_dashboards.read.
func (s *StatusDashboardsService) Get(ctx context.Context, id string) (*StatusDashboard, error) {
	path, err := expandPath("/status_dashboards/{id}", id)
	if err != nil {
		return nil, err
	}
	return dashboardAnswer(ctx, s.client, path)
}

// GetBySlug returns the status dashboard whose URL slug is slug.
//
// OAuth scope status_dashboards.read.
func (s *StatusDashboardsService) GetBySlug(ctx context.Context, slug string) (*StatusDashboard, error) {
	path, err := expandPath("/status_dashboards/url_slugs/{url_slug}", slug)
	if err != nil {
		return nil, err
	}
	return dashboardAnswer(ctx, s.client, path)
}

// ListImpacts returns the most impacted business services of the status
// dashboard id. For a service that is not among them, ask the business
// services' impacts for it by ID.
//
// OAuth scope status_dashboards.read.
func (s *StatusDashboardsService) ListImpacts(ctx context.Context, id string, opts *DashboardImpactsOptions) (*DashboardImpacts, error) {
	path, err := expandPath("/status_dashboards/{id}/service_impacts", id)
	if err != nil {
		return nil, err
	}
	return dashboardImpacts(ctx, s.client, path, opts)
}

// ListImpactsBySlug returns the most impacted business services of the
// status dashboard whose URL slug is slug.
//
// OAuth scope status_dashboards.read.
func (s *StatusDashboardsService) ListImpactsBySlug(ctx context.Context, slug string, opts *DashboardImpactsOptions) (*DashboardImpacts, error) {
	path, err := expandPath("/status_dashboards/url_slugs/{url_slug}/service_impacts", slug)
	if err != nil {
		return nil, err
	}
	return dashboardImpacts(ctx, s.client, path, opts)
}

func dashboardImpacts(ctx context.Context, c *Client, path string, opts *DashboardImpactsOptions) (*DashboardImpacts, error) {
	q := url.Values{}
	if opts != nil {
		if err := oneOf("AdditionalFields", opts.AdditionalFields, DashboardHighestImpactingPriority, DashboardTotalImpactedCount); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	var out struct {
		Services         *[]impactWire `json:"services"`
		Limit            *int          `json:"limit"`
		More             bool          `json:"more"`
		AdditionalFields *struct {
			TotalImpactedCount *int `json:"total_impacted_count"`
		} `json:"additional_fields"`
	}
	if err := c.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	if out.Services == nil {
		return nil, fmt.Errorf("pagerduty: GET %s: the answer has no services", path)
	}
	res := &DashboardImpacts{Services: make([]Impact, len(*out.Services)), More: out.More}
	for i, w := range *out.Services {
		res.Services[i] = w.Impact
		if w.AdditionalFields != nil {
			res.Services[i].HighestImpactingPriority = w.AdditionalFields.HighestImpactingPriority
		}
	}
	if out.Limit != nil {
		res.Limit = *out.Limit
	}
	if out.AdditionalFields != nil {
		res.TotalImpactedCount = out.AdditionalFields.TotalImpactedCount
	}
	return res, nil
}
