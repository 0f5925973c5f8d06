package pagerduty

import (
	"context"
	"fmt"
	"strings"
)

// CreateIncidentParams describes an incident to open by hand (not through
// an integration). Title and ServiceID are required; everything else is
// optional and left to the service's defaults when empty.
type CreateIncidentParams struct {
	// From is the email of the PagerDuty user opening the incident; empty
	// means the client's WithFrom.
	From string `json:"-"`

	// Title is the incident's one-line description.
	Title string
	// ServiceID is the service the incident is opened on.
	ServiceID string
	// Urgency overrides the service's urgency rules.
	Urgency Urgency
	// PriorityID sets the incident's priority (see PrioritiesService.List).
	PriorityID string
	// Details is free text shown with the incident.
	Details string
	// IncidentKey de-duplicates: while an open incident of the service has
	// this key, another with the same key is refused. It also makes the
	// request safe to retry after a network failure.
	IncidentKey string
	// AssigneeIDs assigns the incident to these users directly. It cannot be
	// combined with EscalationPolicyID.
	AssigneeIDs []string
	// EscalationPolicyID escalates the incident through this policy instead
	// of the service's.
	EscalationPolicyID string
	// IncidentType names the incident's type (for accounts that define
	// incident types).
	IncidentType string
	// ConferenceBridge is the call responders join; its URL is required
	// when it is set.
	ConferenceBridge *ConferenceBridge
}

// incidentWire is the incident object of write requests: only the fields
// the caller set are sent.
type incidentWire struct {
	ID               string            `json:"id,omitempty"`
	Type             string            `json:"type"`
	Title            string            `json:"title,omitempty"`
	Service          *Reference        `json:"service,omitempty"`
	Status           IncidentStatus    `json:"status,omitempty"`
	Resolution       string            `json:"resolution,omitempty"`
	Urgency          Urgency           `json:"urgency,omitempty"`
	Priority         *Reference        `json:"priority,omitempty"`
	EscalationLevel  int               `json:"escalation_level,omitempty"`
	Body             *incidentBodyWire `json:"body,omitempty"`
	IncidentKey      string            `json:"incident_key,omitempty"`
	Assignments      []assignmentWire  `json:"assignments,omitempty"`
	EscalationPolicy *Reference        `json:"escalation_policy,omitempty"`
	IncidentType     *incidentTypeWire `json:"incident_type,omitempty"`
	ConferenceBridge *ConferenceBridge `json:"conference_bridge,omitempty"`
}

type incidentBodyWire struct {
	Type    string `json:"type"`
	Details string `json:"details"`
}

type assignmentWire struct {
	Assignee Reference `json:"assignee"`
}

type incidentTypeWire struct {
	Name string `json:"name"`
}

func assignmentsOf(field string, ids []string) ([]assignmentWire, error) {
	if err := checkIDs(field, ids); err != nil {
		return nil, err
	}
	var out []assignmentWire
	for _, id := range ids {
		out = append(out, assignmentWire{Assignee: Ref("user_reference", id)})
	}
	return out, nil
}

func refTo(typ, id string) *Reference {
	if id == "" {
		return nil
	}
	r := Ref(typ, id)
	return &r
}

func (p *CreateIncidentParams) wire() (*incidentWire, error) {
	if p == nil {
		return nil, missing("CreateIncidentParams", "the incident's Title and ServiceID")
	}
	if strings.TrimSpace(p.Title) == "" {
		return nil, missing("Title", "a one-line description of the problem")
	}
	if p.ServiceID == "" {
		return nil, missing("ServiceID", "the ID of the service the incident is opened on")
	}
	for field, id := range map[string]string{"ServiceID": p.ServiceID, "PriorityID": p.PriorityID, "EscalationPolicyID": p.EscalationPolicyID} {
		if id == "" {
			continue
		}
		if err := ValidateID(id); err != nil {
			return nil, fmt.Errorf("%s: %w", field, err)
		}
	}
	if err := oneOfIfSet("Urgency", p.Urgency, UrgencyHigh, UrgencyLow); err != nil {
		return nil, err
	}
	if len(p.AssigneeIDs) > 0 && p.EscalationPolicyID != "" {
		return nil, fmt.Errorf("pagerduty: AssigneeIDs and EscalationPolicyID cannot both be set: an incident is either assigned to users or escalated through a policy")
	}
	if p.ConferenceBridge != nil && p.ConferenceBridge.ConferenceURL == "" {
		return nil, missing("ConferenceBridge.ConferenceURL", "the URL responders open to join the call")
	}
	assignments, err := assignmentsOf("AssigneeIDs", p.AssigneeIDs)
	if err != nil {
		return nil, err
	}
	w := &incidentWire{
		Type:             "incident",
		Title:            p.Title,
		Service:          refTo("service_reference", p.ServiceID),
		Urgency:          p.Urgency,
		Priority:         refTo("priority_reference", p.PriorityID),
		IncidentKey:      p.IncidentKey,
		Assignments:      assignments,
		EscalationPolicy: refTo("escalation_policy_reference", p.EscalationPolicyID),
		ConferenceBridge: p.ConferenceBridge,
	}
	if p.Details != "" {
		w.Body = &incidentBodyWire{Type: "incident_body", Details: p.Details}
	}
	if p.IncidentType != "" {
		w.IncidentType = &incidentTypeWire{Name: p.IncidentType}
	}
	return w, nil
}

// Create opens an incident and returns it. PagerDuty records the user named
// by From (or the client's WithFrom) as its creator; with neither, Create
// fails before sending. With an IncidentKey the request is retried after a
// network failure, since the key keeps a second copy from being opened;
// without one, such a failure is an *UnknownOutcomeError.
//
// OAuth scope incidents.write.
func (s *IncidentsService) Create(ctx context.Context, p *CreateIncidentParams) (*Incident, error) {
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	r := &request{method: "POST", path: "/incidents", body: map[string]any{"incident": w}, from: from, retrySafe: p.IncidentKey != ""}
	return s.incidentAnswer(ctx, r)
}

// incidentAnswer performs r and returns the incident its answer holds.
func (s *IncidentsService) incidentAnswer(ctx context.Context, r *request) (*Incident, error) {
	var out struct {
		Incident *Incident `json:"incident"`
	}
	if err := s.client.do(ctx, r, &out); err != nil {
		return nil, err
	}
	if out.Incident == nil {
		return nil, fmt.Errorf("pagerduty: %s %s: the answer has no incident", r.method, r.path)
	}
	return out.Incident, nil
}

// IncidentChanges are the changes an update makes to an incident. Only the
// fields that are set are sent; the others keep their value.
type IncidentChanges struct {
	// Status acknowledges (Acknowledged) or resolves (Resolved) the
	// incident.
	Status IncidentStatus
	// Resolution is a note recorded with a resolution (Status Resolved).
	Resolution string
	// Title renames the incident.
	Title string
	// Urgency changes the incident's urgency.
	Urgency Urgency
	// PriorityID sets the incident's priority.
	PriorityID string
	// EscalationLevel escalates the incident to this level of its policy
	// (levels start at 1; zero leaves it).
	EscalationLevel int
	// AssigneeIDs reassigns the incident to these users. It cannot be
	// combined with EscalationPolicyID or EscalationLevel.
	AssigneeIDs []string
	// EscalationPolicyID reassigns the incident to this escalation policy.
	EscalationPolicyID string
	// IncidentType changes the incident's type, by name.
	IncidentType string
	// ConferenceBridge sets the call responders join.
	ConferenceBridge *ConferenceBridge
}

func (ch *IncidentChanges) wire(id string) (*incidentWire, error) {
	if err := oneOfIfSet("Status", ch.Status, Acknowledged, Resolved, Triggered); err != nil {
		return nil, err
	}
	if ch.Resolution != "" && ch.Status != Resolved {
		return nil, fmt.Errorf("pagerduty: Resolution is only accepted with Status %q", Resolved)
	}
	if err := oneOfIfSet("Urgency", ch.Urgency, UrgencyHigh, UrgencyLow); err != nil {
		return nil, err
	}
	if ch.EscalationLevel < 0 {
		return nil, fmt.Errorf("pagerduty: EscalationLevel %d: levels start at 1 (0 leaves the level unchanged)", ch.EscalationLevel)
	}
	for field, v := range map[string]string{"PriorityID": ch.PriorityID, "EscalationPolicyID": ch.EscalationPolicyID} {
		if v == "" {
			continue
		}
		if err := ValidateID(v); err != nil {
			return nil, fmt.Errorf("%s: %w", field, err)
		}
	}
	if len(ch.AssigneeIDs) > 0 && (ch.EscalationPolicyID != "" || ch.EscalationLevel != 0) {
		return nil, fmt.Errorf("pagerduty: AssigneeIDs cannot be combined with EscalationPolicyID or EscalationLevel: reassign to users or to a policy, not both")
	}
	if ch.ConferenceBridge != nil && ch.ConferenceBridge.ConferenceURL == "" && ch.ConferenceBridge.ConferenceNumber == "" {
		return nil, missing("ConferenceBridge", "a ConferenceURL or a ConferenceNumber (leave ConferenceBridge nil to keep the current one)")
	}
	assignments, err := assignmentsOf("AssigneeIDs", ch.AssigneeIDs)
	if err != nil {
		return nil, err
	}
	w := &incidentWire{
		ID:               id,
		Type:             "incident_reference",
		Status:           ch.Status,
		Resolution:       ch.Resolution,
		Title:            ch.Title,
		Urgency:          ch.Urgency,
		Priority:         refTo("priority_reference", ch.PriorityID),
		EscalationLevel:  ch.EscalationLevel,
		Assignments:      assignments,
		EscalationPolicy: refTo("escalation_policy_reference", ch.EscalationPolicyID),
		ConferenceBridge: ch.ConferenceBridge,
	}
	if ch.IncidentType != "" {
		w.IncidentType = &incidentTypeWire{Name: ch.IncidentType}
	}
	if w.Status == "" && w.Title == "" && w.Urgency == "" && w.Priority == nil && w.EscalationLevel == 0 &&
		len(w.Assignments) == 0 && w.EscalationPolicy == nil && w.IncidentType == nil && w.ConferenceBridge == nil {
		return nil, fmt.Errorf("pagerduty: the update changes nothing: set Status, Title, Urgency, PriorityID, EscalationLevel, AssigneeIDs, EscalationPolicyID, IncidentType or ConferenceBridge")
	}
	return w, nil
}

// UpdateIncidentParams changes one incident.
type UpdateIncidentParams struct {
	// From is the email of the PagerDuty user making the change; empty
	// means the client's WithFrom.
	From string `json:"-"`
	IncidentChanges
	// ServiceID moves the incident to another service.
	ServiceID string
}

// Update changes the incident id as p says and returns it as it now is.
// Only the fields p sets are sent. An update that changes nothing is an
// error, reported before sending.
//
// OAuth scope incidents.write.
func (s *IncidentsService) Update(ctx context.Context, id string, p *UpdateIncidentParams) (*Incident, error) {
	path, err := expandPath("/incidents/{id}", id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		p = &UpdateIncidentParams{}
	}
	if err := optionalID("ServiceID", p.ServiceID); err != nil {
		return nil, err
	}
	ch := p.IncidentChanges
	var w *incidentWire
	if p.ServiceID != "" && isEmptyChanges(&ch) {
		w = &incidentWire{Type: "incident_reference"}
	} else if w, err = ch.wire(""); err != nil {
		return nil, err
	}
	w.Service = refTo("service_reference", p.ServiceID)
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	return s.incidentAnswer(ctx, &request{method: "PUT", path: path, body: map[string]any{"incident": w}, from: from})
}

func isEmptyChanges(ch *IncidentChanges) bool {
	return ch.Status == "" && ch.Resolution == "" && ch.Title == "" && ch.Urgency == "" && ch.PriorityID == "" &&
		ch.EscalationLevel == 0 && len(ch.AssigneeIDs) == 0 && ch.EscalationPolicyID == "" && ch.IncidentType == "" &&
		ch.ConferenceBridge == nil
}

// Acknowledge acknowledges the incident id on behalf of the client's WithFrom
// user, which stops its notifications, and returns it. Use Update to act as
// another user.
//
// OAuth scope incidents.write.
func (s *IncidentsService) Acknowledge(ctx context.Context, id string) (*Incident, error) {
	return s.Update(ctx, id, &UpdateIncidentParams{IncidentChanges: IncidentChanges{Status: Acknowledged}})
}

// Resolve resolves the incident id on behalf of the client's WithFrom user
// and returns it. A non-empty resolution is recorded as the resolution
// note.
//
// OAuth scope incidents.write.
func (s *IncidentsService) Resolve(ctx context.Context, id, resolution string) (*Incident, error) {
	return s.Update(ctx, id, &UpdateIncidentParams{IncidentChanges: IncidentChanges{Status: Resolved, Resolution: resolution}})
}

// Reassign assigns the incident id to the given users, replacing its
// current assignees, on behalf of the client's WithFrom user, and returns
// it.
//
// OAuth scope incidents.write.
func (s *IncidentsService) Reassign(ctx context.Context, id string, userIDs ...string) (*Incident, error) {
	if len(userIDs) == 0 {
		return nil, missing("userIDs", "at least one user to assign the incident to")
	}
	return s.Update(ctx, id, &UpdateIncidentParams{IncidentChanges: IncidentChanges{AssigneeIDs: userIDs}})
}

// MergeIncidentsParams names the incidents to merge into another.
type MergeIncidentsParams struct {
	// From is the email of the PagerDuty user merging; empty means the
	// client's WithFrom.
	From string `json:"-"`
	// SourceIDs are the incidents whose alerts move into the target; they
	// are resolved by the merge.
	SourceIDs []string
}

// Merge moves the alerts of the incidents p.SourceIDs into the incident id
// and resolves the sources. It returns the target incident.
//
// OAuth scope incidents.write.
func (s *IncidentsService) Merge(ctx context.Context, id string, p *MergeIncidentsParams) (*Incident, error) {
	path, err := expandPath("/incidents/{id}/merge", id)
	if err != nil {
		return nil, err
	}
	if p == nil || len(p.SourceIDs) == 0 {
		return nil, missing("SourceIDs", "at least one incident to merge into the target")
	}
	if err := checkIDs("SourceIDs", p.SourceIDs); err != nil {
		return nil, err
	}
	sources := make([]Reference, len(p.SourceIDs))
	for i, sid := range p.SourceIDs {
		if sid == id {
			return nil, fmt.Errorf("pagerduty: SourceIDs: incident %s cannot be merged into itself", sid)
		}
		sources[i] = Ref("incident_reference", sid)
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	return s.incidentAnswer(ctx, &request{method: "PUT", path: path, body: map[string]any{"source_incidents": sources}, from: from})
}
