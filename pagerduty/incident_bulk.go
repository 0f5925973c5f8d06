package pagerduty

import (
	"context"
	"errors"
	"fmt"
)

// MaxBulkIncidents is the most incidents one bulk update may change; the API
// refuses more (413).
const MaxBulkIncidents = 250

// IncidentUpdate is the change to one incident of a bulk update.
type IncidentUpdate struct {
	// ID is the incident to change.
	ID string
	IncidentChanges
}

// UpdateIncidentsParams changes several incidents at once.
type UpdateIncidentsParams struct {
	// From is the email of the PagerDuty user making the changes; empty
	// means the client's WithFrom.
	From string `json:"-"`
	// Updates are the changes, one per incident.
	Updates []IncidentUpdate
}

// wire validates every update and returns the incidents to send.
func (p *UpdateIncidentsParams) wire() ([]*incidentWire, error) {
	if p == nil || len(p.Updates) == 0 {
		return nil, missing("Updates", "at least one incident to change")
	}
	out := make([]*incidentWire, len(p.Updates))
	seen := make(map[string]bool, len(p.Updates))
	for i := range p.Updates {
		u := &p.Updates[i]
		if err := ValidateID(u.ID); err != nil {
			return nil, fmt.Errorf("Updates[%d].ID: %w", i, err)
		}
		if seen[u.ID] {
			return nil, fmt.Errorf("pagerduty: Updates[%d]: incident %s appears twice: merge its changes into one update", i, u.ID)
		}
		seen[u.ID] = true
		w, err := u.wire(u.ID)
		if err != nil {
			return nil, fmt.Errorf("in Updates[%d] (%s): %w", i, u.ID, err)
		}
		out[i] = w
	}
	return out, nil
}

// UpdateMany applies up to MaxBulkIncidents changes in one request and
// returns the changed incidents. More updates is an error before sending:
// use UpdateInBatches for those.
//
// OAuth scope incidents.write.
func (s *IncidentsService) UpdateMany(ctx context.Context, p *UpdateIncidentsParams) ([]Incident, error) {
	ws, err := p.wire()
	if err != nil {
		return nil, err
	}
	if len(ws) > MaxBulkIncidents {
		return nil, fmt.Errorf("pagerduty: %d updates: one request changes at most %d incidents; use UpdateInBatches", len(ws), MaxBulkIncidents)
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	return s.updateBatch(ctx, ws, from)
}

func (s *IncidentsService) updateBatch(ctx context.Context, ws []*incidentWire, from string) ([]Incident, error) {
	r := &request{method: "PUT", path: "/incidents", body: map[string]any{"incidents": ws}, from: from}
	var out struct {
		Incidents []Incident `json:"incidents"`
	}
	if err := s.client.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return out.Incidents, nil
}

// IncidentBatch is the outcome of one request of UpdateInBatches.
type IncidentBatch struct {
	// Updates are the changes this request carried, a part of the
	// params' Updates in their order.
	Updates []IncidentUpdate
	// Incidents are the changed incidents, when the request succeeded.
	Incidents []Incident
	// Err is why the request failed, or nil.
	Err error
}

// UpdateInBatches applies any number of changes, MaxBulkIncidents per
// request, one request after another, and reports each request's outcome in
// order. A failed request does not stop the next ones; a cancelled context
// does (the requests not sent carry its error). The error is nil when every
// request succeeded and otherwise joins the failures, each naming its
// batch; it is also returned, with no batch, when an update is invalid, in
// which case nothing is sent.
//
// OAuth scope incidents.write.
func (s *IncidentsService) UpdateInBatches(ctx context.Context, p *UpdateIncidentsParams) ([]IncidentBatch, error) {
	ws, err := p.wire()
	if err != nil {
		return nil, err
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	var batches []IncidentBatch
	var errs []error
	for start := 0; start < len(ws); start += MaxBulkIncidents {
		end := min(start+MaxBulkIncidents, len(ws))
		b := IncidentBatch{Updates: p.Updates[start:end:end]}
		if b.Err = ctx.Err(); b.Err == nil {
			b.Incidents, b.Err = s.updateBatch(ctx, ws[start:end], from)
		}
		if b.Err != nil {
			errs = append(errs, fmt.Errorf("batch %d (updates %d to %d): %w", len(batches)+1, start, end-1, b.Err))
		}
		batches = append(batches, b)
	}
	return batches, errors.Join(errs...)
}
