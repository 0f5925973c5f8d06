package pdtest

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// eventsReply is the Events API's answer.
type eventsReply struct {
	Status   string   `json:"status"`
	Message  string   `json:"message"`
	DedupKey string   `json:"dedup_key,omitempty"`
	Errors   []string `json:"errors,omitempty"`
}

func eventsInvalid(w http.ResponseWriter, errs ...string) {
	writeJSON(w, http.StatusBadRequest, eventsReply{Status: "invalid event", Message: "Event object is invalid", Errors: errs})
}

type eventIn struct {
	RoutingKey  string `json:"routing_key"`
	EventAction string `json:"event_action"`
	DedupKey    string `json:"dedup_key"`
	Payload     *struct {
		Summary       string         `json:"summary"`
		Source        string         `json:"source"`
		Severity      string         `json:"severity"`
		Timestamp     string         `json:"timestamp"`
		Component     string         `json:"component"`
		Group         string         `json:"group"`
		Class         string         `json:"class"`
		CustomDetails map[string]any `json:"custom_details"`
	} `json:"payload"`
}

var severities = []string{"critical", "error", "warning", "info"}

// enqueue serves POST /v2/enqueue: trigger, acknowledge and resolve.
func (h *Handler) enqueue(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		eventsInvalid(w, "the request body could not be read")
		return
	}
	var ev eventIn
	if err := json.Unmarshal(b, &ev); err != nil {
		eventsInvalid(w, "the body is not a valid JSON event object")
		return
	}
	var errs []string
	if ev.RoutingKey == "" {
		errs = append(errs, "'routing_key' is missing or blank")
	} else if len(ev.RoutingKey) != 32 {
		errs = append(errs, "'routing_key' must be 32 characters")
	}
	switch ev.EventAction {
	case "trigger":
		switch {
		case ev.Payload == nil:
			errs = append(errs, "'payload' is missing")
		default:
			if strings.TrimSpace(ev.Payload.Summary) == "" {
				errs = append(errs, "'payload.summary' is missing or blank")
			} else if len(ev.Payload.Summary) > 1024 {
				errs = append(errs, "'payload.summary' must be at most 1024 characters")
			}
			if strings.TrimSpace(ev.Payload.Source) == "" {
				errs = append(errs, "'payload.source' is missing or blank")
			}
			if !slices.Contains(severities, ev.Payload.Severity) {
				errs = append(errs, "'payload.severity' must be one of critical, error, warning, info")
			}
			if ev.Payload.Timestamp != "" {
				if _, err := time.Parse(time.RFC3339Nano, ev.Payload.Timestamp); err != nil {
					errs = append(errs, "'payload.timestamp' must be an ISO 8601 date")
				}
			}
		}
	case "acknowledge", "resolve":
		if ev.DedupKey == "" {
			errs = append(errs, "'dedup_key' is required for "+ev.EventAction+" events")
		}
	case "":
		errs = append(errs, "'event_action' is missing or blank")
	default:
		errs = append(errs, "'event_action' must be one of trigger, acknowledge, resolve")
	}
	if len(errs) > 0 {
		eventsInvalid(w, errs...)
		return
	}
	h.mu.Lock()
	st := h.st
	st.changed()
	svc := st.svcByKey[ev.RoutingKey]
	if svc == nil {
		h.mu.Unlock()
		// PagerDuty accepts events for unknown keys and drops them later;
		// a test server says so at once.
		eventsInvalid(w, "'routing_key' does not match an integration of the account")
		return
	}
	integ := ""
	for _, in := range svc.Integrations {
		if in.Key == ev.RoutingKey {
			integ = in.ID
		}
	}
	now := st.now()
	agent := Agent{Type: "service", ID: svc.ID}
	key := ev.DedupKey
	open := st.alertByKey[svc.ID+"\x00"+key]
	switch ev.EventAction {
	case "trigger":
		if key == "" {
			key = st.newKey()
		}
		open = st.alertByKey[svc.ID+"\x00"+key]
		if open != nil {
			// Deduplicated: the open incident absorbs the event.
			open.UpdatedAt = now
			st.touch()
			break
		}
		if st.inMaintenance(svc.ID, now) || svc.Disabled {
			break
		}
		urgency := "high"
		if ev.Payload.Severity == "warning" || ev.Payload.Severity == "info" {
			urgency = "low"
		}
		details := map[string]any{}
		for k, v := range ev.Payload.CustomDetails {
			details[k] = v
		}
		for k, v := range map[string]string{"source": ev.Payload.Source, "component": ev.Payload.Component, "group": ev.Payload.Group, "class": ev.Payload.Class} {
			if v != "" {
				details[k] = v
			}
		}
		st.trigger(triggerSpec{service: svc, title: ev.Payload.Summary, urgency: urgency, key: key,
			agent: Agent{Type: "integration", ID: integ}, channel: "api", at: now,
			alert: &Alert{Key: key, Severity: ev.Payload.Severity, Summary: ev.Payload.Summary, IntegrationID: integ, Details: details}})
	case "acknowledge":
		if open != nil {
			st.acknowledge(open, agent, now)
		}
	case "resolve":
		if open != nil {
			st.resolve(open, agent, now, "")
		}
	}
	h.mu.Unlock()
	writeJSON(w, http.StatusAccepted, eventsReply{Status: "success", Message: "Event processed", DedupKey: key})
}

// addChangeEvent keeps ce under a new ID, on the service (and integration)
// whose routing key it carries, if any.
func (st *state) addChangeEvent(ce ChangeEvent) {
	ce.ID = st.newID()
	if s := st.svcByKey[ce.RoutingKey]; s != nil {
		ce.ServiceID = s.ID
		for _, in := range s.Integrations {
			if in.Key == ce.RoutingKey {
				ce.IntegrationID = in.ID
			}
		}
	}
	st.changes = append(st.changes, ce)
}

// changeEnqueue serves POST /v2/change/enqueue.
func (h *Handler) changeEnqueue(w http.ResponseWriter, r *http.Request) {
	var ev struct {
		RoutingKey string `json:"routing_key"`
		Payload    *struct {
			Summary       string         `json:"summary"`
			Source        string         `json:"source"`
			Timestamp     string         `json:"timestamp"`
			CustomDetails map[string]any `json:"custom_details"`
		} `json:"payload"`
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil || json.Unmarshal(b, &ev) != nil {
		eventsInvalid(w, "the body is not a valid JSON change event object")
		return
	}
	var errs []string
	if ev.RoutingKey == "" {
		errs = append(errs, "'routing_key' is missing or blank")
	}
	if ev.Payload == nil || strings.TrimSpace(ev.Payload.Summary) == "" {
		errs = append(errs, "'payload.summary' is missing or blank")
	}
	var ts time.Time
	if ev.Payload != nil && ev.Payload.Timestamp != "" {
		if ts, err = time.Parse(time.RFC3339Nano, ev.Payload.Timestamp); err != nil {
			errs = append(errs, "'payload.timestamp' must be an ISO 8601 date")
		}
	}
	if len(errs) > 0 {
		eventsInvalid(w, errs...)
		return
	}
	h.mu.Lock()
	if ts.IsZero() {
		ts = h.st.now()
	}
	h.st.addChangeEvent(ChangeEvent{RoutingKey: ev.RoutingKey, Summary: ev.Payload.Summary, Source: ev.Payload.Source,
		Timestamp: ts, CustomDetails: ev.Payload.CustomDetails})
	h.st.changed()
	h.mu.Unlock()
	writeJSON(w, http.StatusAccepted, eventsReply{Status: "success", Message: "Change event processed"})
}
