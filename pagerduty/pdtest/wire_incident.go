package pdtest

// wIncident is an incident.
type wIncident struct {
	wRef                                 // id, type, summary and links, first as the API sends them
	IncidentNumber       int             `json:"incident_number"`
	Title                string          `json:"title"`
	Description          string          `json:"description"`
	CreatedAt            string          `json:"created_at"`
	UpdatedAt            string          `json:"updated_at"`
	Status               string          `json:"status"`
	IncidentKey          *string         `json:"incident_key,omitempty"`
	Service              any             `json:"service"`
	Assignments          []wAssignment   `json:"assignments"`
	AssignedVia          string          `json:"assigned_via"`
	LastStatusChangeAt   string          `json:"last_status_change_at"`
	LastStatusChangeBy   any             `json:"last_status_change_by"`
	ResolvedAt           *string         `json:"resolved_at,omitempty"`
	FirstTriggerLogEntry any             `json:"first_trigger_log_entry,omitempty"`
	AlertCounts          wAlertCounts    `json:"alert_counts"`
	IsMergeable          bool            `json:"is_mergeable"`
	EscalationPolicy     any             `json:"escalation_policy"`
	Teams                []any           `json:"teams"`
	PendingActions       []wAction       `json:"pending_actions"`
	Acknowledgements     []wAck          `json:"acknowledgements"`
	Priority             *wPriority      `json:"priority,omitempty"`
	Urgency              string          `json:"urgency"`
	ResponderRequests    []wResponderReq `json:"responder_requests,omitempty"`
}

type wAssignment struct {
	At       string `json:"at"`
	Assignee any    `json:"assignee"`
}

type wAck struct {
	At           string `json:"at"`
	Acknowledger any    `json:"acknowledger"`
}

type wAlertCounts struct {
	All       int `json:"all"`
	Triggered int `json:"triggered"`
	Resolved  int `json:"resolved"`
}

type wAction struct {
	Type string `json:"type"`
	At   string `json:"at"`
}

func (c *rc) assignee(id string) any {
	if c.include["assignees"] || c.include["users"] {
		if u := c.st.userByID[id]; u != nil {
			return c.plain().user(u)
		}
	}
	return c.userRef(id)
}

// incidentTeams renders the teams of the incident's service, as
// teamsOrRefs does.
func (c *rc) incidentTeams(inc *Incident) []any {
	if s := c.st.svcByID[inc.ServiceID]; s != nil {
		return c.teamsOrRefs(c.st.teamIDsOfService(s))
	}
	return []any{}
}

func (c *rc) incident(inc *Incident) wIncident {
	w := wIncident{wRef: c.ref("incident", "incidents", inc.ID, incidentSummary(inc)),
		IncidentNumber: inc.Number, Title: inc.Title, Description: orDefault(inc.Description, inc.Title),
		CreatedAt: c.ts(inc.CreatedAt), UpdatedAt: c.ts(inc.UpdatedAt), Status: inc.Status,
		AssignedVia: orDefault(inc.AssignedVia, "escalation_policy"), LastStatusChangeAt: c.ts(inc.LastStatusChangeAt),
		ResolvedAt: c.tsp(inc.ResolvedAt), IsMergeable: true, Assignments: []wAssignment{}, Acknowledgements: []wAck{},
		PendingActions: []wAction{}, Urgency: orDefault(inc.Urgency, "high")}
	if inc.IncidentKey != "" {
		k := inc.IncidentKey
		w.IncidentKey = &k
	}
	w.Service = c.serviceOrRef(inc.ServiceID)
	w.EscalationPolicy = c.epOrRef(inc.EscalationPolicyID)
	for _, a := range inc.Assignments {
		w.Assignments = append(w.Assignments, wAssignment{At: c.ts(a.At), Assignee: c.assignee(a.UserID)})
	}
	for _, a := range inc.Acknowledgements {
		var who any
		switch {
		case a.By.Type == "service":
			who = c.serviceRef(a.By.ID)
		case c.include["acknowledgers"] || c.include["users"]:
			who = c.assignee(a.By.ID)
			if u := c.st.userByID[a.By.ID]; u != nil {
				who = c.plain().user(u)
			}
		default:
			who = c.userRef(a.By.ID)
		}
		w.Acknowledgements = append(w.Acknowledgements, wAck{At: c.ts(a.At), Acknowledger: who})
	}
	switch {
	case inc.LastStatusChangeBy.Type == "":
		w.LastStatusChangeBy = c.serviceRef(inc.ServiceID)
	case c.include["agents"] && inc.LastStatusChangeBy.Type == "user" && c.st.userByID[inc.LastStatusChangeBy.ID] != nil:
		w.LastStatusChangeBy = c.plain().user(c.st.userByID[inc.LastStatusChangeBy.ID])
	default:
		w.LastStatusChangeBy = c.agentRef(inc.LastStatusChangeBy)
	}
	w.Teams = c.incidentTeams(inc)
	for i := range inc.LogEntries {
		if le := &inc.LogEntries[i]; le.Type == LogTrigger {
			if c.include["first_trigger_log_entries"] {
				w.FirstTriggerLogEntry = c.plain().logEntry(inc, le)
			} else {
				w.FirstTriggerLogEntry = c.ref(le.Type+"_reference", "log_entries", le.ID, logSummary(le))
			}
			break
		}
	}
	for _, a := range inc.Alerts {
		w.AlertCounts.All++
		if a.Status == StatusResolved {
			w.AlertCounts.Resolved++
		} else {
			w.AlertCounts.Triggered++
		}
	}
	if p := c.st.prioByID[inc.PriorityID]; p != nil {
		wp := c.priority(p)
		w.Priority = &wp
	}
	if inc.Status == StatusAcknowledged && inc.SnoozedUntil != nil {
		w.PendingActions = append(w.PendingActions, wAction{Type: "unacknowledge", At: c.ts(*inc.SnoozedUntil)})
	}
	for _, rr := range inc.ResponderRequests {
		w.ResponderRequests = append(w.ResponderRequests, c.responderRequest(inc, &rr))
	}
	return w
}

// wLogEntry is a log entry.
type wLogEntry struct {
	ID              string   `json:"id"`
	Type            string   `json:"type"`
	Summary         string   `json:"summary"`
	Self            string   `json:"self"`
	HTMLURL         *string  `json:"html_url"`
	CreatedAt       string   `json:"created_at"`
	Agent           wRef     `json:"agent"`
	Channel         wChannel `json:"channel"`
	Service         any      `json:"service"`
	Incident        any      `json:"incident"`
	Teams           []any    `json:"teams"`
	Contexts        []any    `json:"contexts"`
	Note            string   `json:"note,omitempty"`
	AssignedUser    *wRef    `json:"assigned_user,omitempty"`
	Assignees       []wRef   `json:"assignees,omitempty"`
	EscalationLevel int      `json:"escalation_level,omitempty"`
	EventDetails    *struct {
		Description string `json:"description"`
	} `json:"event_details,omitempty"`
}

type wChannel struct {
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
}

func logSummary(le *LogEntry) string {
	if le.Summary != "" {
		return le.Summary
	}
	switch le.Type {
	case LogTrigger:
		return "Triggered"
	case LogAcknowledge:
		return "Acknowledged"
	case LogAssign:
		return "Assigned"
	case LogEscalate:
		return "Escalated"
	case LogResolve:
		return "Resolved"
	case LogAnnotate:
		return "Note added"
	case LogSnooze:
		return "Snoozed"
	case LogNotify:
		return "Notified"
	}
	return le.Type
}

func (c *rc) logEntry(inc *Incident, le *LogEntry) wLogEntry {
	w := wLogEntry{ID: le.ID, Type: le.Type, Summary: logSummary(le), Self: c.base + "/log_entries/" + le.ID,
		CreatedAt: c.ts(le.CreatedAt), Agent: c.agentRef(le.Agent), Channel: wChannel{Type: orDefault(le.Channel, "api")},
		Contexts: []any{}, Note: le.Note, EscalationLevel: le.EscalationLevel}
	w.Service = c.serviceOrRef(inc.ServiceID)
	if c.include["incidents"] {
		w.Incident = c.plain().incident(inc)
	} else {
		w.Incident = c.incidentRef(inc)
	}
	w.Teams = c.incidentTeams(inc)
	if le.Type == LogAssign || le.Type == LogEscalate || le.Type == LogNotify {
		for _, id := range le.UserIDs {
			w.Assignees = append(w.Assignees, c.userRef(id))
		}
		if len(le.UserIDs) > 0 && le.Type == LogNotify {
			r := c.userRef(le.UserIDs[0])
			w.AssignedUser = &r
		}
	}
	if le.Type == LogTrigger {
		w.EventDetails = &struct {
			Description string `json:"description"`
		}{Description: inc.Title}
	}
	return w
}

// wAlert is an alert.
type wAlert struct {
	wRef                   // id, type, summary and links, first as the API sends them
	CreatedAt   string     `json:"created_at"`
	Status      string     `json:"status"`
	AlertKey    string     `json:"alert_key"`
	Service     wRef       `json:"service"`
	Incident    wRef       `json:"incident"`
	Suppressed  bool       `json:"suppressed"`
	Severity    string     `json:"severity"`
	Integration *wRef      `json:"integration,omitempty"`
	Body        wAlertBody `json:"body"`
}

type wAlertBody struct {
	Type     string         `json:"type"`
	Contexts []any          `json:"contexts"`
	Details  map[string]any `json:"details"`
}

func (c *rc) alert(inc *Incident, a *Alert) wAlert {
	w := wAlert{wRef: c.ref("alert", "alerts", a.ID, a.Summary),
		CreatedAt: c.ts(a.CreatedAt), Status: a.Status, AlertKey: a.Key, Service: c.serviceRef(inc.ServiceID),
		Incident: c.incidentRef(inc), Severity: orDefault(a.Severity, "critical"),
		Body: wAlertBody{Type: "alert_body", Contexts: []any{}, Details: a.Details}}
	if w.Body.Details == nil {
		w.Body.Details = map[string]any{}
	}
	if a.IntegrationID != "" {
		if s := c.st.svcByID[inc.ServiceID]; s != nil {
			for i := range s.Integrations {
				if s.Integrations[i].ID == a.IntegrationID {
					r := c.integrationRef(s, &s.Integrations[i])
					w.Integration = &r
				}
			}
		}
	}
	return w
}

// wNote is an incident note.
type wNote struct {
	ID        string   `json:"id"`
	User      wRef     `json:"user"`
	Channel   wChannel `json:"channel"`
	Content   string   `json:"content"`
	CreatedAt string   `json:"created_at"`
}

func (c *rc) note(n *Note) wNote {
	return wNote{ID: n.ID, User: c.userRef(n.UserID), Channel: wChannel{Type: "api", Summary: "The PagerDuty REST API"},
		Content: n.Content, CreatedAt: c.ts(n.CreatedAt)}
}

// wResponderReq is a responder request.
type wResponderReq struct {
	ID                      string         `json:"id"`
	Incident                wRef           `json:"incident"`
	Requester               wRef           `json:"requester"`
	RequestedAt             string         `json:"requested_at"`
	Message                 string         `json:"message"`
	ResponderRequestTargets []wRespTargetW `json:"responder_request_targets"`
}

type wRespTargetW struct {
	Target wRespTarget `json:"responder_request_target"`
}

type wRespTarget struct {
	ID                  string           `json:"id"`
	Type                string           `json:"type"`
	Summary             string           `json:"summary"`
	IncidentsResponders []wIncResponders `json:"incident_responders"`
}

type wIncResponders struct {
	State       string `json:"state"`
	User        wRef   `json:"user"`
	Incident    wRef   `json:"incident"`
	UpdatedAt   string `json:"updated_at"`
	Message     string `json:"message"`
	Requester   wRef   `json:"requester"`
	RequestedAt string `json:"requested_at"`
}

func (c *rc) responderRequest(inc *Incident, rr *ResponderRequest) wResponderReq {
	w := wResponderReq{ID: rr.ID, Incident: c.incidentRef(inc), Requester: c.userRef(rr.RequesterID), RequestedAt: c.ts(rr.RequestedAt),
		Message: rr.Message, ResponderRequestTargets: []wRespTargetW{}}
	for _, id := range rr.UserIDs {
		ref := c.userRef(id)
		w.ResponderRequestTargets = append(w.ResponderRequestTargets, wRespTargetW{Target: wRespTarget{ID: id, Type: "user", Summary: ref.Summary,
			IncidentsResponders: []wIncResponders{{State: "pending", User: ref, Incident: c.incidentRef(inc), UpdatedAt: c.ts(rr.RequestedAt),
				Message: rr.Message, Requester: c.userRef(rr.RequesterID), RequestedAt: c.ts(rr.RequestedAt)}}}})
	}
	return w
}
