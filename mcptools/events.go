package mcptools

import (
	"context"
	"net/url"
	"strings"
	"sync"

	"github.com/pdkit/pdkit/pagerduty"
	"github.com/pdkit/pdkit/pagerduty/events"
)

// eventClients gives the Events API client of a region: the one the
// options set, or one made once per region.
type eventClients struct {
	fixed *events.Client
	mu    sync.Mutex
	made  map[pagerduty.Region]*events.Client
}

func (e *eventClients) forRegion(r pagerduty.Region) (*events.Client, error) {
	if e.fixed != nil {
		return e.fixed, nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if c := e.made[r]; c != nil {
		return c, nil
	}
	c, err := events.NewClient(events.WithRegion(r))
	if err != nil {
		return nil, err
	}
	if e.made == nil {
		e.made = map[pagerduty.Region]*events.Client{}
	}
	e.made[r] = c
	return c, nil
}

// routingKey finds the integration key of a service's Events API v2
// integration. The key is a secret: it is used, never shown.
func routingKey(ctx context.Context, c *call, arg, service string) (events.RoutingKey, *Ref, error) {
	id, err := resolveService(ctx, c, arg, service)
	if err != nil {
		return "", nil, err
	}
	s, err := c.client.Services.Get(ctx, id, &pagerduty.GetServiceOptions{Includes: []pagerduty.ServiceInclude{pagerduty.ServiceIncludeIntegrations}})
	if err != nil {
		return "", nil, err
	}
	ref := refOf(s.ID, s.Name, s.Summary)
	for _, i := range s.Integrations {
		if i.Type == pagerduty.IntegrationEventsAPIV2 && i.IntegrationKey != "" {
			return events.RoutingKey(i.IntegrationKey), ref, nil
		}
	}
	return "", nil, userError("Service %s has no Events API v2 integration, so it cannot receive events: add one to the service in PagerDuty first.", ref.String())
}

// eventTarget is what both event tools take from their arguments: the
// service's routing key and reference, and the parsed details and links.
type eventTarget struct {
	key     events.RoutingKey
	ref     *Ref
	details map[string]string
	links   []events.Link
}

// newEventTarget checks the details and links, then finds the routing key
// of service: bad input is refused before any request.
func newEventTarget(ctx context.Context, c *call, service string, details, links []string) (*eventTarget, error) {
	t := &eventTarget{}
	var err error
	if t.details, err = parseDetails("details", details); err != nil {
		return nil, err
	}
	if t.links, err = parseLinks("links", links); err != nil {
		return nil, err
	}
	if t.key, t.ref, err = routingKey(ctx, c, "service", service); err != nil {
		return nil, err
	}
	return t, nil
}

// parseDetails reads "key=value" pairs into an object.
func parseDetails(arg string, pairs []string) (map[string]string, error) {
	if len(pairs) == 0 {
		return nil, nil
	}
	out := make(map[string]string, len(pairs))
	for _, p := range pairs {
		k, v, ok := strings.Cut(p, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, argError(arg, "%q is not a key=value pair such as cpu=97%%", truncate(p, 40))
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return out, nil
}

func parseLinks(arg string, hrefs []string) ([]events.Link, error) {
	var out []events.Link
	for _, h := range hrefs {
		u, err := url.Parse(strings.TrimSpace(h))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, argError(arg, "%q is not an absolute http(s) URL", truncate(h, 60))
		}
		out = append(out, events.Link{Href: u.String()})
	}
	return out, nil
}

type sendEventIn struct {
	Service  string   `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service that receives the event (through its Events API v2 integration): its ID or name."`
	Action   string   `json:"action,omitempty" jsonschema:"enum=trigger,enum=acknowledge,enum=resolve" jsonschema_description:"trigger (the default) opens an alert or adds to the open one with the same dedup_key; acknowledge and resolve act on the alert with dedup_key."`
	Summary  string   `json:"summary,omitempty" jsonschema:"maxLength=1024" jsonschema_description:"What is wrong, where (required to trigger)."`
	Source   string   `json:"source,omitempty" jsonschema:"maxLength=255" jsonschema_description:"The affected system, such as a host name (default: pdkit)."`
	Severity string   `json:"severity,omitempty" jsonschema:"enum=critical,enum=error,enum=warning,enum=info" jsonschema_description:"How bad it is (default error)."`
	DedupKey string   `json:"dedup_key,omitempty" jsonschema:"maxLength=255" jsonschema_description:"Names the alert: required to acknowledge or resolve; on a trigger, keeps a repeat from opening a second alert."`
	Details  []string `json:"details,omitempty" jsonschema:"maxItems=30" jsonschema_description:"Custom details as key=value pairs, such as cpu=97%."`
	Links    []string `json:"links,omitempty" jsonschema:"maxItems=10" jsonschema_description:"Links (http or https URLs) shown on the alert, such as a dashboard."`
}

// EventSent is PagerDuty's answer to an event: it is queued, and the alert
// it acts on is named by DedupKey.
type EventSent struct {
	Service  Ref    `json:"service"`
	Status   string `json:"status"`
	Message  string `json:"message,omitempty"`
	DedupKey string `json:"dedup_key,omitempty"`
}

func (e *EventSent) text() string {
	s := "Event " + e.Status + " for service " + e.Service.String()
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.DedupKey != "" {
		s += ". Dedup key " + e.DedupKey + " acknowledges or resolves this alert."
	}
	return s
}

var sendEvent = &tool[sendEventIn, *EventSent]{
	spec: spec{
		name:    "send_event",
		title:   "Send an alert event",
		toolset: ToolsetEvents,
		write:   true,
		description: `Sends an alert to a service through the Events API v2, as a monitoring tool would: trigger opens an alert (and an incident, by the service's rules, paging the on-call), acknowledge and resolve act on the alert named by dedup_key.
Use it for "create an alert for high CPU on db-1" or "send a critical event to the web service". The service needs an Events API v2 integration. Returns the dedup_key that names the alert.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in sendEventIn) (*EventSent, error) {
		action := events.Action(firstNonEmpty(in.Action, "trigger"))
		if action == events.Trigger && strings.TrimSpace(in.Summary) == "" {
			return nil, argError("summary", "a trigger needs a summary: say what is wrong, where")
		}
		if action != events.Trigger && strings.TrimSpace(in.DedupKey) == "" {
			return nil, argError("dedup_key", "%s needs the dedup_key of the alert (returned when it was triggered)", action)
		}
		t, err := newEventTarget(ctx, c, in.Service, in.Details, in.Links)
		if err != nil {
			return nil, err
		}
		ev := events.Event{RoutingKey: t.key, Action: action, DedupKey: strings.TrimSpace(in.DedupKey), Links: t.links}
		if action == events.Trigger {
			ev.Payload = events.Payload{Summary: in.Summary, Source: firstNonEmpty(strings.TrimSpace(in.Source), "pdkit"),
				Severity: events.Severity(firstNonEmpty(in.Severity, "error"))}
			if t.details != nil {
				ev.Payload.CustomDetails = t.details
			}
		}
		ec, err := c.events.forRegion(c.client.Region())
		if err != nil {
			return nil, err
		}
		resp, err := ec.Send(ctx, ev)
		if err != nil {
			return nil, err
		}
		return &EventSent{Service: *t.ref, Status: resp.Status, Message: resp.Message, DedupKey: resp.DedupKey}, nil
	},
}

type sendChangeIn struct {
	Service string   `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service the change is about: its ID or name."`
	Summary string   `json:"summary" jsonschema:"required,minLength=1,maxLength=1024" jsonschema_description:"What changed, such as \"Deployed billing v2.3.1\"."`
	Source  string   `json:"source,omitempty" jsonschema:"maxLength=255" jsonschema_description:"What made the change, such as a CI system."`
	Details []string `json:"details,omitempty" jsonschema:"maxItems=30" jsonschema_description:"Custom details as key=value pairs, such as commit=4f2a9c1."`
	Links   []string `json:"links,omitempty" jsonschema:"maxItems=10" jsonschema_description:"Links (http or https URLs), such as the build or the pull request."`
}

var sendChangeEvent = &tool[sendChangeIn, *EventSent]{
	spec: spec{
		name:    "send_change_event",
		title:   "Record a change event",
		toolset: ToolsetEvents,
		write:   true,
		description: `Records a change (a deploy, a configuration change) on a service, shown next to its incidents to explain what changed. It notifies nobody and opens no incident.
The service needs an Events API v2 integration.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in sendChangeIn) (*EventSent, error) {
		t, err := newEventTarget(ctx, c, in.Service, in.Details, in.Links)
		if err != nil {
			return nil, err
		}
		ce := events.ChangeEvent{RoutingKey: t.key, Summary: in.Summary, Source: strings.TrimSpace(in.Source), Links: t.links}
		if t.details != nil {
			ce.CustomDetails = t.details
		}
		ec, err := c.events.forRegion(c.client.Region())
		if err != nil {
			return nil, err
		}
		resp, err := ec.SendChange(ctx, ce)
		if err != nil {
			return nil, err
		}
		return &EventSent{Service: *t.ref, Status: resp.Status, Message: resp.Message}, nil
	},
}
