package mcptools

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// Service is the trimmed service tools answer with.
type Service struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Description      string `json:"description,omitempty"`
	Status           string `json:"status,omitempty"`
	EscalationPolicy *Ref   `json:"escalation_policy,omitempty"`
	Teams            []Ref  `json:"teams,omitempty"`
	URL              string `json:"url,omitempty"`
}

func trimService(s *pagerduty.Service) Service {
	out := Service{ID: s.ID, Name: firstNonEmpty(s.Name, s.Summary), Description: s.Description, Status: string(s.Status), URL: s.HTMLURL}
	if ep := s.EscalationPolicy; ep != nil {
		out.EscalationPolicy = refOf(ep.ID, ep.Name, ep.Summary)
	}
	for _, t := range s.Teams {
		out.Teams = append(out.Teams, *refOf(t.ID, t.Name, t.Summary))
	}
	return out
}

func (s *Service) line() string {
	var b strings.Builder
	b.WriteString(s.Name + " (" + s.ID + ")")
	if s.Status != "" {
		b.WriteString(" [" + s.Status + "]")
	}
	if s.EscalationPolicy != nil {
		b.WriteString(" - policy " + s.EscalationPolicy.String())
	}
	if len(s.Teams) > 0 {
		b.WriteString(" - teams " + joinRefs(s.Teams))
	}
	return b.String()
}

type listServicesIn struct {
	Query  string `json:"query,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep services whose name contains this text."`
	Team   string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Keep services of this team: its ID or name."`
	Limit  int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many services to return, 1 to 100 (default 25)."`
	Cursor string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page (same filters)."`
}

// ServiceList is a page of services.
type ServiceList struct {
	Services []Service `json:"services"`
	PageInfo
}

func (l *ServiceList) text() string {
	return l.header(len(l.Services), "service") + lines(l.Services, (*Service).line) + l.footer()
}

var listServices = &tool[listServicesIn, *ServiceList]{
	spec: spec{
		name:    "list_services",
		title:   "List services",
		toolset: ToolsetServices,
		description: `Lists services, one line each: name, ID, status (active, warning, critical, maintenance, disabled), escalation policy and teams.
Use it to find a service's ID; tools that take a service also accept its name directly.
Pages of limit services (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listServicesIn) (*ServiceList, error) {
		key := in
		key.Cursor, key.Limit = "", 0
		pg, err := newPager("list_services", key, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		opts := &pagerduty.ListServicesOptions{ListOptions: pg.options(), Query: strings.TrimSpace(in.Query), SortBy: "name"}
		if err := resolveInto(ctx, c, "team", in.Team, resolveTeam, &opts.TeamIDs); err != nil {
			return nil, err
		}
		p, err := c.client.Services.ListPage(ctx, opts)
		if err != nil {
			return nil, err
		}
		out := &ServiceList{Services: trimEach(p.Items, trimService), PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

type getServiceIn struct {
	Service string `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service: its ID or name (\"web\" finds \"Web Frontend\")."`
}

// ServiceDetail is a service with the settings responders ask about.
type ServiceDetail struct {
	Service
	// AutoResolveMinutes resolves incidents left open this long; absent
	// when off.
	AutoResolveMinutes *int `json:"auto_resolve_minutes,omitempty"`
	// AckTimeoutMinutes re-triggers acknowledged incidents after this long;
	// absent when off.
	AckTimeoutMinutes *int   `json:"ack_timeout_minutes,omitempty"`
	AlertCreation     string `json:"alert_creation,omitempty"`
	Integrations      []Ref  `json:"integrations,omitempty"`
}

func (d *ServiceDetail) text() string {
	var b strings.Builder
	b.WriteString(d.line())
	if d.Description != "" {
		b.WriteString("\n" + truncate(d.Description, 300))
	}
	minutes := func(p *int) string {
		if p == nil {
			return "off"
		}
		return fmt.Sprintf("%d min", *p)
	}
	b.WriteString("\nAuto-resolve: " + minutes(d.AutoResolveMinutes) + "; acknowledgement timeout: " + minutes(d.AckTimeoutMinutes))
	if len(d.Integrations) > 0 {
		b.WriteString("\nIntegrations: " + joinRefs(d.Integrations))
	}
	return b.String()
}

func toMinutes(sec *int) *int {
	if sec == nil {
		return nil
	}
	m := *sec / 60
	return &m
}

var getService = &tool[getServiceIn, *ServiceDetail]{
	spec: spec{
		name:    "get_service",
		title:   "Get a service",
		toolset: ToolsetServices,
		description: `Returns one service: status, escalation policy, teams, auto-resolve and acknowledgement timeouts, alert creation mode and integrations.
Accepts the service's ID or name; a name that matches several services is an error that lists them.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in getServiceIn) (*ServiceDetail, error) {
		id, err := resolveService(ctx, c, "service", in.Service)
		if err != nil {
			return nil, err
		}
		s, err := c.client.Services.Get(ctx, id, &pagerduty.GetServiceOptions{Includes: []pagerduty.ServiceInclude{pagerduty.ServiceIncludeIntegrations}})
		if err != nil {
			return nil, err
		}
		out := &ServiceDetail{Service: trimService(s), AutoResolveMinutes: toMinutes(s.AutoResolveTimeout),
			AckTimeoutMinutes: toMinutes(s.AcknowledgementTimeout), AlertCreation: string(s.AlertCreation)}
		for _, i := range s.Integrations {
			out.Integrations = append(out.Integrations, *refOf(i.ID, i.Name, i.Summary))
		}
		return out, nil
	},
}

type listPrioritiesIn struct{}

// Priority is an incident priority of the account.
type Priority struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// PriorityList is the account's priorities, most urgent first.
type PriorityList struct {
	Priorities []Priority `json:"priorities"`
}

func (l *PriorityList) text() string {
	if len(l.Priorities) == 0 {
		return "The account has no priorities (they may be turned off)."
	}
	var b strings.Builder
	b.WriteString(plural(len(l.Priorities), "priority") + ", most urgent first:")
	for _, p := range l.Priorities {
		b.WriteString("\n" + p.Name + " (" + p.ID + ")")
		if p.Description != "" {
			b.WriteString(": " + p.Description)
		}
	}
	return b.String()
}

var listPriorities = &tool[listPrioritiesIn, *PriorityList]{
	spec: spec{
		name:    "list_priorities",
		title:   "List priorities",
		toolset: ToolsetPriorities,
		description: `Lists the account's incident priorities (such as P1 to P5), most urgent first, with IDs and descriptions.
Tools that take a priority also accept its name directly, so this is needed only to show or explain them.`,
	},
	handler: func(ctx context.Context, c *call, _ listPrioritiesIn) (*PriorityList, error) {
		ps, err := priorities(ctx, c)
		if err != nil {
			return nil, err
		}
		slices.SortStableFunc(ps, func(a, b pagerduty.Priority) int { return b.Order - a.Order })
		out := &PriorityList{Priorities: make([]Priority, len(ps))}
		for i, p := range ps {
			out.Priorities[i] = Priority{ID: p.ID, Name: firstNonEmpty(p.Name, p.Summary), Description: p.Description}
		}
		return out, nil
	},
}
