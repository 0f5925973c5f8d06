package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/netip"
)

// IPAllowListState says whether an IP allow list is enforced.
type IPAllowListState string

// The states of an IP allow list.
const (
	IPAllowListEnabled  IPAllowListState = "enabled"
	IPAllowListDisabled IPAllowListState = "disabled"
)

// IPAllowList is a set of IPv4 ranges that, when enabled, are the only
// places the account's web and mobile apps can be reached from.
//
// The IP allow list calls are in Early Access: the account must be enrolled,
// and this package sends the header the API asks for.
type IPAllowList struct {
	ID          string           `json:"id,omitempty"`
	Type        string           `json:"type,omitempty"`
	State       IPAllowListState `json:"state"`
	CIDREntries []CIDREntry      `json:"cidr_entries"`
}

// CIDREntry is one IPv4 range of an allow list.
type CIDREntry struct {
	// CIDR is the range, such as 203.0.113.0/24.
	CIDR string `json:"cidr"`
	// Description says what the range is; the API requires the field, and
	// null is allowed.
	Description *string `json:"description"`
}

// IPAllowListParams creates or replaces an IP allow list. State is
// required; each entry needs a valid IPv4 CIDR.
type IPAllowListParams struct {
	State       IPAllowListState `json:"state"`
	CIDREntries []CIDREntry      `json:"cidr_entries"`
}

func (p IPAllowListParams) body() (map[string]any, error) {
	if p.State == "" {
		return nil, required("State", "enabled or disabled")
	}
	if err := oneOf("State", []IPAllowListState{p.State}, IPAllowListEnabled, IPAllowListDisabled); err != nil {
		return nil, err
	}
	for i, e := range p.CIDREntries {
		pfx, err := netip.ParsePrefix(e.CIDR)
		if err != nil || !pfx.Addr().Is4() {
			return nil, fmt.Errorf("pagerduty: CIDREntries[%d].CIDR %q is not an IPv4 range: use the form 203.0.113.0/24", i, e.CIDR)
		}
	}
	if p.CIDREntries == nil {
		p.CIDREntries = []CIDREntry{}
	}
	return map[string]any{"ip_allow_list": p}, nil
}

// List returns the account's IP allow lists.
//
// OAuth scope ip_allow_lists.read.
func (s *IPAllowListsService) List(ctx context.Context) ([]IPAllowList, error) {
	p, err := pageEarlyAccess[IPAllowList](ctx, s.client, &request{method: "GET", path: "/ip_allow_lists"}, ipAllowListsFeature, "ip_allow_lists")
	if err != nil {
		return nil, err
	}
	return p.Items, nil
}

func (s *IPAllowListsService) object(ctx context.Context, r *request) (*IPAllowList, error) {
	var out struct {
		List *IPAllowList `json:"ip_allow_list"`
	}
	if err := s.client.doEarlyAccess(ctx, r, ipAllowListsFeature, &out); err != nil {
		return nil, err
	}
	if out.List == nil {
		return nil, fmt.Errorf("pagerduty: %s %s: the answer has no ip_allow_list", r.method, r.path)
	}
	return out.List, nil
}

// Get returns the IP allow list with the given ID.
//
// OAuth scope ip_allow_lists.read.
func (s *IPAllowListsService) Get(ctx context.Context, id string) (*IPAllowList, error) {
	path, err := expandPath("/ip_allow_lists/{id}", id)
	if err != nil {
		return nil, err
	}
	return s.object(ctx, &request{method: "GET", path: path})
}

// Create creates an IP allow list and returns it as stored.
//
// OAuth scope ip_allow_lists.write.
func (s *IPAllowListsService) Create(ctx context.Context, p IPAllowListParams) (*IPAllowList, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	return s.object(ctx, &request{method: "POST", path: "/ip_allow_lists", body: body})
}

// Update replaces the state and ranges of the IP allow list with the given
// ID and returns it as stored.
//
// OAuth scope ip_allow_lists.write.
func (s *IPAllowListsService) Update(ctx context.Context, id string, p IPAllowListParams) (*IPAllowList, error) {
	path, err := expandPath("/ip_allow_lists/{id}", id)
	if err != nil {
		return nil, err
	}
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	return s.object(ctx, &request{method: "PUT", path: path, body: body})
}

// Delete deletes the IP allow list with the given ID.
//
// OAuth scope ip_allow_lists.write.
func (s *IPAllowListsService) Delete(ctx context.Context, id string) error {
	path, err := expandPath("/ip_allow_lists/{id}", id)
	if err != nil {
		return err
	}
	return s.client.doEarlyAccess(ctx, &request{method: "DELETE", path: path}, ipAllowListsFeature, nil)
}

// ListAuditRecords streams the audit trail of the IP allow list with the
// given ID, newest first, following the cursor from page to page. Breaking
// out of the loop stops fetching.
//
// OAuth scope audit_records.read.
func (s *IPAllowListsService) ListAuditRecords(ctx context.Context, id string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return func(yield func(AuditRecord, error) bool) {
		var cursor string
		if opts != nil {
			cursor = opts.Cursor
		}
		for {
			o := ListAuditRecordsOptions{}
			if opts != nil {
				o = *opts
			}
			o.Cursor = cursor
			p, err := s.ListAuditRecordsPage(ctx, id, &o)
			if err != nil {
				yield(AuditRecord{}, err)
				return
			}
			for _, r := range p.Items {
				if !yield(r, nil) {
					return
				}
			}
			if p.NextCursor == "" || p.NextCursor == cursor {
				return
			}
			cursor = p.NextCursor
		}
	}
}

// ListAuditRecordsPage returns one page of the audit trail of the IP allow
// list with the given ID; pass its NextCursor as opts.Cursor to read the
// next.
//
// OAuth scope audit_records.read.
func (s *IPAllowListsService) ListAuditRecordsPage(ctx context.Context, id string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	path, err := expandPath("/ip_allow_lists/{id}/audit/records", id)
	if err != nil {
		return nil, err
	}
	q, co, err := opts.query()
	if err != nil {
		return nil, err
	}
	cursorParams(q, co)
	return pageEarlyAccess[AuditRecord](ctx, s.client, &request{method: "GET", path: path, query: q}, ipAllowListsFeature, "records")
}
