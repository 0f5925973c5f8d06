package pagerduty

import (
	"context"
	"fmt"
	"net/url"
)

// BusinessServiceImpactsOptions selects the business services whose impact
// to report and the extra fields of the answer.
type BusinessServiceImpactsOptions struct {
	// IDs limits the answer to these business services.
	IDs []string `url:"ids[]"`
	// AdditionalFields adds DashboardHighestImpactingPriority and
	// DashboardTotalImpactedCount to the answer.
	AdditionalFields []DashboardField `url:"additional_fields[]"`
}

func (o *BusinessServiceImpactsOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := checkIDs("IDs", o.IDs); err != nil {
		return nil, err
	}
	if err := oneOf("AdditionalFields", o.AdditionalFields, DashboardHighestImpactingPriority, DashboardTotalImpactedCount); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	return q, nil
}

// ListImpacts reports which business services incidents impact, most
// impacted first. The answer has the same shape as a status dashboard's.
//
// OAuth scope services.read.
func (s *BusinessServicesService) ListImpacts(ctx context.Context, opts *BusinessServiceImpactsOptions) (*DashboardImpacts, error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return businessImpacts(ctx, s.client, "/business_services/impacts", q)
}

// ListSupportingServiceImpacts reports which of the services that support
// the business service id incidents impact.
//
// OAuth scope services.read.
func (s *BusinessServicesService) ListSupportingServiceImpacts(ctx context.Context, id string, opts *BusinessServiceImpactsOptions) (*DashboardImpacts, error) {
	path, err := expandPath("/business_services/{id}/supporting_services/impacts", id)
	if err != nil {
		return nil, err
	}
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return businessImpacts(ctx, s.client, path, q)
}

func businessImpacts(ctx context.Context, c *Client, path string, q url.Values) (*DashboardImpacts, error) {
	var out struct {
		Services         *[]impactWire `json:"services"`
		Limit            int           `json:"limit"`
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
	res := &DashboardImpacts{Services: make([]Impact, len(*out.Services)), Limit: out.Limit, More: out.More}
	for i, w := range *out.Services {
		res.Services[i] = w.Impact
		if w.AdditionalFields != nil {
			res.Services[i].HighestImpactingPriority = w.AdditionalFields.HighestImpactingPriority
		}
	}
	if out.AdditionalFields != nil {
		res.TotalImpactedCount = out.AdditionalFields.TotalImpactedCount
	}
	return res, nil
}

// Impactor is an object that impacts a business service (an incident).
type Impactor struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// ImpactorsOptions selects the business services whose impactors to list.
type ImpactorsOptions struct {
	// IDs limits the answer to the impactors of these business services.
	IDs []string `url:"ids[]"`
}

// ListImpactors returns the incidents that impact business services, the
// highest priority first, as one page (at most 200; Page.More says whether
// the API held some back).
//
// OAuth scope services.read.
func (s *BusinessServicesService) ListImpactors(ctx context.Context, opts *ImpactorsOptions) (*Page[Impactor], error) {
	q := url.Values{}
	if opts != nil {
		if err := checkIDs("IDs", opts.IDs); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return getPage[Impactor](ctx, s.client, "/business_services/impactors", "impactors", q)
}

// GetPriorityThreshold returns the account's priority threshold for
// business service impact (the lowest priority, by ID and order, an incident
// needs to impact business services), or nil when none is set.
//
// OAuth scope services.read.
func (s *BusinessServicesService) GetPriorityThreshold(ctx context.Context) (*ImpactPriority, error) {
	var out struct {
		Threshold *ImpactPriority `json:"global_threshold"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: "/business_services/priority_thresholds"}, &out); err != nil {
		return nil, err
	}
	return out.Threshold, nil
}

// SetPriorityThreshold makes t (a priority's ID and its order) the lowest
// priority that impacts business services, and returns the threshold now in
// force.
//
// OAuth scope services.write.
func (s *BusinessServicesService) SetPriorityThreshold(ctx context.Context, t *ImpactPriority) (*ImpactPriority, error) {
	if t == nil || t.ID == "" {
		return nil, required("ID", "the ID of a priority, as Priorities.List returns it")
	}
	if err := ValidateID(t.ID); err != nil {
		return nil, namedFieldErr("ID", err)
	}
	if t.Order < 0 {
		return nil, fmt.Errorf("pagerduty: Order %d is negative: give the priority's order as Priorities.List returns it", t.Order)
	}
	r := &request{method: "PUT", path: "/business_services/priority_thresholds", body: map[string]any{"global_threshold": t}}
	return objectCall[ImpactPriority](ctx, s.client, r, "global_threshold")
}

// DeletePriorityThreshold removes the account's priority threshold: then
// incidents of any priority impact business services.
//
// OAuth scope services.write.
func (s *BusinessServicesService) DeletePriorityThreshold(ctx context.Context) error {
	return s.client.do(ctx, &request{method: "DELETE", path: "/business_services/priority_thresholds"}, nil)
}
