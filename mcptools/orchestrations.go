package mcptools

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// uuidShape matches the IDs of global event orchestrations, which are UUIDs
// rather than PagerDuty's short IDs.
var uuidShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// maxOrchestrations bounds how many orchestrations a name lookup reads: the
// API has no name filter, and accounts hold a handful.
const maxOrchestrations = 500

// resolveOrchestration turns an orchestration argument (its ID or name)
// into an ID. The API cannot filter orchestrations by name, so the lookup
// reads the list (a short one) and picks. Empty means the account's only
// orchestration.
func resolveOrchestration(ctx context.Context, c *call, arg, v string) (string, error) {
	v = strings.TrimSpace(v)
	if uuidShape.MatchString(v) || (looksLikeID(v) && strings.ContainsAny(v, "0123456789")) {
		return checkID(arg, v)
	}
	name := stripKind(v, "orchestration")
	var cands []candidate
	for o, err := range c.client.EventOrchestrations.List(ctx, nil) {
		if err != nil {
			return "", err
		}
		cands = append(cands, candidate{ID: o.ID, Name: o.Name})
		if len(cands) >= maxOrchestrations {
			break
		}
	}
	if name == "" {
		// No name: the account's only orchestration, when it has one.
		switch len(cands) {
		case 1:
			return cands[0].ID, nil
		case 0:
			return "", argError(arg, "the account has no global event orchestration: create one with create_event_orchestration")
		}
		names := make([]string, 0, len(cands))
		for i, c := range cands {
			if i == maxCandidates {
				names = append(names, "...")
				break
			}
			names = append(names, c.Name+" ("+c.ID+")")
		}
		return "", argError(arg, "the account has %d orchestrations: name one of %s", len(cands), strings.Join(names, ", "))
	}
	m, err := pick(arg, "orchestration", name, cands)
	return m.ID, err
}

// EventOrchestration is the trimmed global event orchestration tools answer
// with.
type EventOrchestration struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Team        *Ref   `json:"team,omitempty"`
	// Routes counts the router rules that send events to a service.
	Routes int `json:"routes"`
	// Integrations are the orchestration's inbound integrations (ID and
	// label); their routing keys are secrets and are shown only on request.
	Integrations []OrchestrationKey `json:"integrations,omitempty"`
}

// OrchestrationKey is an integration of an orchestration.
type OrchestrationKey struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
	// RoutingKey is the key events are sent with, present only when the
	// caller asked for it.
	RoutingKey string `json:"routing_key,omitempty"`
}

func trimOrchestration(o *pagerduty.Orchestration, showKeys bool) EventOrchestration {
	out := EventOrchestration{ID: o.ID, Name: o.Name, Description: o.Description, Routes: o.Routes}
	if t := o.Team; t != nil {
		out.Team = refOf(t.ID, "", t.Summary)
	}
	for _, i := range o.Integrations {
		k := OrchestrationKey{ID: i.ID, Label: i.Label}
		if showKeys && i.Parameters != nil {
			k.RoutingKey = i.Parameters.RoutingKey
		}
		out.Integrations = append(out.Integrations, k)
	}
	return out
}

func (o *EventOrchestration) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s) - %s", o.Name, o.ID, plural(o.Routes, "route"))
	if o.Team != nil {
		b.WriteString(" - team " + o.Team.String())
	}
	if o.Description != "" {
		b.WriteString(" - " + truncate(o.Description, 100))
	}
	return b.String()
}

type listOrchestrationsIn struct {
	Limit  int    `json:"limit,omitempty" jsonschema:"minimum=1,maximum=100" jsonschema_description:"How many orchestrations to return, 1 to 100 (default 25)."`
	Cursor string `json:"cursor,omitempty" jsonschema:"maxLength=512" jsonschema_description:"next_cursor of the previous answer, to read the next page."`
}

// EventOrchestrationList is a page of global event orchestrations.
type EventOrchestrationList struct {
	Orchestrations []EventOrchestration `json:"orchestrations"`
	PageInfo
}

func (l *EventOrchestrationList) text() string {
	return l.header(len(l.Orchestrations), "orchestration") + lines(l.Orchestrations, (*EventOrchestration).line) + l.footer()
}

var listEventOrchestrations = &tool[listOrchestrationsIn, *EventOrchestrationList]{
	spec: spec{
		name:    "list_event_orchestrations",
		title:   "List event orchestrations",
		toolset: ToolsetOrchestrations,
		description: `Lists the account's global event orchestrations (the rules that receive monitoring events and route them to services), one line each: name, ID, how many routes, team.
Use get_orchestration_rules to see an orchestration's rules. Pages of limit orchestrations (default 25): when has_more, pass next_cursor back as cursor.`,
	},
	handler: func(ctx context.Context, c *call, in listOrchestrationsIn) (*EventOrchestrationList, error) {
		pg, err := newPager("list_event_orchestrations", struct{}{}, in.Limit, in.Cursor)
		if err != nil {
			return nil, err
		}
		p, err := c.client.EventOrchestrations.ListPage(ctx, &pagerduty.ListOrchestrationsOptions{ListOptions: pg.options()})
		if err != nil {
			return nil, err
		}
		list := trimEach(p.Items, func(o *pagerduty.Orchestration) EventOrchestration { return trimOrchestration(o, false) })
		out := &EventOrchestrationList{Orchestrations: list, PageInfo: pg.info(len(p.Items), p.More, p.Total)}
		return out, nil
	},
}

// OrchestrationRules is one path of an orchestration in compact form.
type OrchestrationRules struct {
	// Path is router, global, unrouted or service.
	Path string `json:"path"`
	// Parent is the orchestration, or the service of a service path.
	Parent *Ref `json:"parent,omitempty"`
	// Sets are the rule sets, "start" first; the first rule of a set whose
	// conditions all hold applies.
	Sets []RuleSet `json:"sets"`
	// CatchAll lists the actions applied to events no rule matched.
	CatchAll []string `json:"catch_all"`
	// Active tells, for a service path, whether the service applies it (false:
	// the service still uses its older event rules).
	Active *bool `json:"active,omitempty"`
	// Warnings are the problems PagerDuty reported about an update.
	Warnings []string `json:"warnings,omitempty"`
}

// RuleSet is a named list of rules.
type RuleSet struct {
	ID    string     `json:"id"`
	Rules []RuleInfo `json:"rules"`
}

// RuleInfo is one orchestration rule in compact form.
type RuleInfo struct {
	ID    string `json:"id,omitempty"`
	Label string `json:"label,omitempty"`
	// Conditions are Condition Language expressions; the rule applies when
	// any one of them holds (none: to every event).
	Conditions []string `json:"conditions"`
	// Actions are what it does, such as "route_to PSVC123", "suppress" or
	// "severity critical".
	Actions  []string `json:"actions"`
	Disabled bool     `json:"disabled,omitempty"`
}

func compactPath(p *pagerduty.OrchestrationPath, kind string) *OrchestrationRules {
	out := &OrchestrationRules{Path: kind, Sets: []RuleSet{}, CatchAll: compactActions(&p.CatchAll.Actions)}
	if p.Parent != nil {
		out.Parent = refOf(p.Parent.ID, "", p.Parent.Summary)
	}
	for _, s := range p.Sets {
		set := RuleSet{ID: s.ID, Rules: []RuleInfo{}}
		for _, r := range s.Rules {
			ri := RuleInfo{ID: r.ID, Label: r.Label, Conditions: []string{}, Actions: compactActions(&r.Actions), Disabled: r.Disabled}
			for _, c := range r.Conditions {
				ri.Conditions = append(ri.Conditions, c.Expression)
			}
			set.Rules = append(set.Rules, ri)
		}
		out.Sets = append(out.Sets, set)
	}
	return out
}

// compactActions renders the actions of a rule as short phrases.
func compactActions(a *pagerduty.OrchestrationActions) []string {
	out := []string{}
	add := func(cond bool, s string) {
		if cond {
			out = append(out, s)
		}
	}
	add(a.RouteTo != "", "route_to "+a.RouteTo)
	if d := a.DynamicRouteTo; d != nil {
		out = append(out, fmt.Sprintf("dynamic_route_to %s by %s from %s", d.Regex, d.LookupBy, d.Source))
	}
	add(a.DropEvent, "drop_event")
	add(a.Suppress, "suppress")
	add(a.Suspend > 0, fmt.Sprintf("suspend %ds", a.Suspend))
	add(a.Severity != "", "severity "+string(a.Severity))
	add(a.Priority != "", "priority "+a.Priority)
	add(a.EscalationPolicy != "", "escalation_policy "+a.EscalationPolicy)
	add(a.EventAction != "", "event_action "+string(a.EventAction))
	add(a.Annotate != "", "annotate "+truncate(a.Annotate, 60))
	add(len(a.Variables) > 0, plural(len(a.Variables), "variable"))
	add(len(a.Extractions) > 0, plural(len(a.Extractions), "extraction"))
	add(len(a.AutomationActions) > 0, plural(len(a.AutomationActions), "webhook action"))
	add(len(a.PagerDutyAutomationActions) > 0, plural(len(a.PagerDutyAutomationActions), "automation action"))
	add(len(a.IncidentCustomFieldUpdates) > 0, plural(len(a.IncidentCustomFieldUpdates), "custom field update"))
	for k := range a.Other {
		out = append(out, k)
	}
	return out
}

func (r *OrchestrationRules) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "The %s path", r.Path)
	if r.Parent != nil {
		b.WriteString(" of " + r.Parent.String())
	}
	b.WriteString(":")
	if r.Active != nil && !*r.Active {
		b.WriteString("\nNot active: the service still applies its older event rules, not these.")
	}
	for _, s := range r.Sets {
		fmt.Fprintf(&b, "\nSet %s:", s.ID)
		if len(s.Rules) == 0 {
			b.WriteString(" no rules")
		}
		for i, rule := range s.Rules {
			when := "every event"
			if len(rule.Conditions) > 0 {
				when = strings.Join(rule.Conditions, " OR ")
			}
			fmt.Fprintf(&b, "\n  %d. ", i+1)
			if rule.Label != "" {
				b.WriteString(rule.Label + ": ")
			}
			fmt.Fprintf(&b, "when %s -> %s", when, strings.Join(rule.Actions, ", "))
			if rule.Disabled {
				b.WriteString(" (disabled)")
			}
		}
	}
	catch := "nothing"
	if len(r.CatchAll) > 0 {
		catch = strings.Join(r.CatchAll, ", ")
	}
	b.WriteString("\nOtherwise: " + catch)
	for _, w := range r.Warnings {
		b.WriteString("\nWarning: " + w)
	}
	return b.String()
}

type getRulesIn struct {
	Orchestration string `json:"orchestration,omitempty" jsonschema:"maxLength=200" jsonschema_description:"A global orchestration: its ID or name (default: the account's only one). Give this or service."`
	Service       string `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"A service, for its service orchestration rules: its ID or name. Give this or orchestration."`
	Path          string `json:"path,omitempty" jsonschema:"enum=router,enum=global,enum=unrouted" jsonschema_description:"Which path of a global orchestration: router (default; which service events go to), global (rules applied to every event first) or unrouted."`
}

var getOrchestrationRules = &tool[getRulesIn, *OrchestrationRules]{
	spec: spec{
		name:    "get_orchestration_rules",
		title:   "Get event orchestration rules",
		toolset: ToolsetOrchestrations,
		description: `Shows the rules of an event orchestration in compact form: each rule's label, conditions (PagerDuty Condition Language) and actions (route_to a service ID, suppress, severity, priority...), set by set, and what happens to events no rule matched.
Give orchestration (with path router, global or unrouted) for a global orchestration, or service for the rules applied to the events that reach a service; a service path also says whether the service applies it.`,
		notFound: "list_event_orchestrations",
	},
	handler: func(ctx context.Context, c *call, in getRulesIn) (*OrchestrationRules, error) {
		t, err := ruleTarget(ctx, c, in.Orchestration, in.Service, in.Path)
		if err != nil {
			return nil, err
		}
		p, err := t.get(ctx, c)
		if err != nil {
			return nil, err
		}
		out := compactPath(p, t.kind)
		if t.service != "" {
			active, err := c.client.EventOrchestrations.GetServiceActive(ctx, t.service)
			if err != nil {
				return nil, err
			}
			out.Active = &active
		}
		return out, nil
	},
}

// pathTarget is the orchestration path a tool reads or changes.
type pathTarget struct {
	kind                   string
	orchestration, service string
}

// ruleTarget resolves the orchestration-or-service arguments of the rule
// tools. path is the global orchestration's path (router by default). With
// neither, it is the account's only global orchestration.
func ruleTarget(ctx context.Context, c *call, orchestration, service, path string) (*pathTarget, error) {
	orchestration, service = strings.TrimSpace(orchestration), strings.TrimSpace(service)
	switch {
	case orchestration != "" && service != "":
		return nil, argError("service", "give orchestration or service, not both")
	case service != "":
		if path != "" {
			return nil, argError("path", "a service has one path of rules: leave path out with service")
		}
		id, err := resolveService(ctx, c, "service", service)
		if err != nil {
			return nil, err
		}
		return &pathTarget{kind: string(pagerduty.OrchestrationPathService), service: id}, nil
	}
	id, err := resolveOrchestration(ctx, c, "orchestration", orchestration)
	if err != nil {
		return nil, err
	}
	return &pathTarget{kind: firstNonEmpty(path, string(pagerduty.OrchestrationPathRouter)), orchestration: id}, nil
}

func (t *pathTarget) get(ctx context.Context, c *call) (*pagerduty.OrchestrationPath, error) {
	eo := c.client.EventOrchestrations
	switch pagerduty.OrchestrationPathType(t.kind) {
	case pagerduty.OrchestrationPathService:
		return eo.GetServicePath(ctx, t.service)
	case pagerduty.OrchestrationPathGlobal:
		return eo.GetGlobalPath(ctx, t.orchestration)
	case pagerduty.OrchestrationPathUnrouted:
		return eo.GetUnroutedPath(ctx, t.orchestration)
	}
	return eo.GetRouterPath(ctx, t.orchestration)
}

func (t *pathTarget) update(ctx context.Context, c *call, p *pagerduty.OrchestrationPath) (*pagerduty.OrchestrationPath, []pagerduty.OrchestrationWarning, error) {
	eo := c.client.EventOrchestrations
	switch pagerduty.OrchestrationPathType(t.kind) {
	case pagerduty.OrchestrationPathService:
		return eo.UpdateServicePath(ctx, t.service, p)
	case pagerduty.OrchestrationPathGlobal:
		return eo.UpdateGlobalPath(ctx, t.orchestration, p)
	case pagerduty.OrchestrationPathUnrouted:
		return eo.UpdateUnroutedPath(ctx, t.orchestration, p)
	}
	return eo.UpdateRouterPath(ctx, t.orchestration, p)
}

type createOrchestrationIn struct {
	Name           string `json:"name" jsonschema:"required,minLength=1,maxLength=255" jsonschema_description:"The orchestration's name."`
	Description    string `json:"description,omitempty" jsonschema:"maxLength=1024" jsonschema_description:"What it is for."`
	Team           string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The team that owns it: its ID or name."`
	ShowRoutingKey bool   `json:"show_routing_key,omitempty" jsonschema_description:"Return the routing key that monitoring tools send events with. It is a credential (anyone holding it can send events): ask for it only when the user wants to configure a tool now. Default false."`
}

// OrchestrationCreated is a new orchestration.
type OrchestrationCreated struct {
	EventOrchestration
}

func (o *OrchestrationCreated) text() string {
	var b strings.Builder
	b.WriteString("Created orchestration " + o.line())
	for _, k := range o.Integrations {
		b.WriteString("\nIntegration " + firstNonEmpty(k.Label, "(no label)") + " (" + k.ID + ")")
		if k.RoutingKey != "" {
			b.WriteString(": routing key " + k.RoutingKey)
		}
	}
	b.WriteString("\nIt routes nothing yet: add routes with add_orchestration_route.")
	return b.String()
}

var createEventOrchestration = &tool[createOrchestrationIn, *OrchestrationCreated]{
	spec: spec{
		name:    "create_event_orchestration",
		title:   "Create an event orchestration",
		toolset: ToolsetOrchestrations,
		write:   true,
		description: `Creates a global event orchestration: a routing key that monitoring tools send events to, and rules (added next with add_orchestration_route and add_orchestration_rule) that route those events to services.
Returns its ID and integrations. The routing key is withheld unless show_routing_key is true, since it is a credential.`,
		notFound: "list_teams",
	},
	handler: func(ctx context.Context, c *call, in createOrchestrationIn) (*OrchestrationCreated, error) {
		p := &pagerduty.OrchestrationParams{Name: strings.TrimSpace(in.Name)}
		if p.Name == "" {
			return nil, argError("name", "it is blank: give the orchestration a name")
		}
		if d := strings.TrimSpace(in.Description); d != "" {
			p.Description = &d
		}
		if in.Team != "" {
			id, err := resolveTeam(ctx, c, "team", in.Team)
			if err != nil {
				return nil, err
			}
			p.TeamID = id
		}
		o, err := c.client.EventOrchestrations.Create(ctx, p)
		if err != nil {
			return nil, err
		}
		return &OrchestrationCreated{EventOrchestration: trimOrchestration(o, in.ShowRoutingKey)}, nil
	},
}
