package mcptools

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// checkConditions trims and checks condition expressions.
func checkConditions(arg string, in []string) ([]pagerduty.OrchestrationCondition, error) {
	out := make([]pagerduty.OrchestrationCondition, 0, len(in))
	for i, e := range in {
		e = strings.TrimSpace(e)
		if e == "" {
			return nil, argError(fmt.Sprintf("%s[%d]", arg, i), "it is blank: give an expression such as event.summary matches part 'database'")
		}
		if !strings.HasPrefix(e, "event.") && !strings.HasPrefix(e, "not ") && !strings.HasPrefix(e, "now ") && !strings.HasPrefix(e, "(") {
			return nil, argError(fmt.Sprintf("%s[%d]", arg, i), "%q is not a Condition Language expression: start with the event field, such as event.summary matches part 'database'", truncate(e, 60))
		}
		out = append(out, pagerduty.OrchestrationCondition{Expression: e})
	}
	return out, nil
}

// insertRule puts rule in the "start" set of p, first or last.
func insertRule(p *pagerduty.OrchestrationPath, rule pagerduty.OrchestrationRule, last bool) {
	if len(p.Sets) == 0 {
		p.Sets = []pagerduty.OrchestrationRuleSet{{ID: "start"}}
	}
	if last {
		p.Sets[0].Rules = append(p.Sets[0].Rules, rule)
		return
	}
	p.Sets[0].Rules = slices.Insert(p.Sets[0].Rules, 0, rule)
}

// savePath writes p back and answers with the path as PagerDuty keeps it.
func savePath(ctx context.Context, c *call, t *pathTarget, p *pagerduty.OrchestrationPath) (*OrchestrationRules, error) {
	np, warns, err := t.update(ctx, c, p)
	if err != nil {
		return nil, err
	}
	out := compactPath(np, t.kind)
	for _, w := range warns {
		s := w.Message
		if w.RuleID != "" {
			s += " (rule " + w.RuleID + ")"
		}
		out.Warnings = append(out.Warnings, s)
	}
	if t.service != "" {
		active, err := c.client.EventOrchestrations.GetServiceActive(ctx, t.service)
		if err != nil {
			return nil, err
		}
		out.Active = &active
		if !active {
			out.Warnings = append(out.Warnings, "this service applies its older event rules, not its orchestration: the rules take effect once its service orchestration is activated in PagerDuty")
		}
	}
	return out, nil
}

// ruleHome resolves where a rule of add_orchestration_rule or
// map_alert_severity goes: the rules of a service, or the global path of a
// global orchestration.
func ruleHome(ctx context.Context, c *call, orchestration, service string) (*pathTarget, error) {
	if strings.TrimSpace(orchestration) == "" && strings.TrimSpace(service) == "" {
		return nil, argError("service", "say where the rule goes: give service (a service's ID or name) or orchestration (a global orchestration's ID or name)")
	}
	t, err := ruleTarget(ctx, c, orchestration, service, "")
	if err != nil {
		return nil, err
	}
	if t.orchestration != "" {
		t.kind = string(pagerduty.OrchestrationPathGlobal)
	}
	return t, nil
}

type addRouteIn struct {
	Orchestration string   `json:"orchestration,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The global orchestration: its ID or name (default: the account's only one)."`
	Service       string   `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service the matching events go to: its ID or name (\"DBA\" finds \"DBA Team Service\")."`
	Conditions    []string `json:"conditions" jsonschema:"required,minItems=1,maxItems=10" jsonschema_description:"Which events to route: PagerDuty Condition Language expressions; the route applies when any one holds. Examples: event.summary matches part 'database'; event.source matches regex 'db-.*'; event.custom_details.team matches 'dba'."`
	Label         string   `json:"label,omitempty" jsonschema:"maxLength=255" jsonschema_description:"What the rule is for, shown in PagerDuty (default: Route to <service>)."`
	Position      string   `json:"position,omitempty" jsonschema:"enum=first,enum=last" jsonschema_description:"first (default): the new route is tried before the existing ones, so it wins when several match; last: after them."`
}

var addOrchestrationRoute = &tool[addRouteIn, *OrchestrationRules]{
	spec: spec{
		name:    "add_orchestration_route",
		title:   "Route events to a service",
		toolset: ToolsetOrchestrations,
		write:   true,
		description: `Adds a rule to a global event orchestration's router: events matching the conditions go to the service (for example, database alerts to the DBA team's service). The existing routes are kept.
Give the service by ID or name, and the orchestration by ID or name (it may be left out when the account has only one). Returns the router's rules as they now are, with any warning PagerDuty raised.`,
		notFound: "list_event_orchestrations",
	},
	handler: func(ctx context.Context, c *call, in addRouteIn) (*OrchestrationRules, error) {
		conds, err := checkConditions("conditions", in.Conditions)
		if err != nil {
			return nil, err
		}
		t, err := ruleTarget(ctx, c, in.Orchestration, "", "")
		if err != nil {
			return nil, err
		}
		svc, err := resolveService(ctx, c, "service", in.Service)
		if err != nil {
			return nil, err
		}
		label := strings.TrimSpace(in.Label)
		if label == "" {
			label = "Route to " + strings.TrimSpace(in.Service)
		}
		p, err := t.get(ctx, c)
		if err != nil {
			return nil, err
		}
		insertRule(p, pagerduty.OrchestrationRule{Label: label, Conditions: conds,
			Actions: pagerduty.OrchestrationActions{RouteTo: svc}}, in.Position == "last")
		return savePath(ctx, c, t, p)
	},
}

type addRuleIn struct {
	Service       string   `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Add the rule to this service's orchestration (events that reached the service): its ID or name. Give this or orchestration."`
	Orchestration string   `json:"orchestration,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Add the rule to this global orchestration's global path (every event it receives, before routing): its ID or name. Give this or service."`
	Conditions    []string `json:"conditions" jsonschema:"required,minItems=1,maxItems=10" jsonschema_description:"Which events the rule acts on: PagerDuty Condition Language expressions; the rule applies when any one holds (join with and inside one expression to require several). Examples: event.summary matches part 'disk full'; event.severity matches 'info'; event.custom_details.env matches 'staging'."`
	Suppress      bool     `json:"suppress,omitempty" jsonschema_description:"Suppress matching alerts: they are kept, but open no incident and notify nobody (for a known issue, or noise)."`
	Severity      string   `json:"severity,omitempty" jsonschema:"enum=critical,enum=error,enum=warning,enum=info" jsonschema_description:"Set the alert's severity. A service whose urgency follows severity gives low urgency to warning and info."`
	Priority      string   `json:"priority,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Give the incident this priority: its name (P1) or ID."`
	Annotate      string   `json:"annotate,omitempty" jsonschema:"maxLength=1000" jsonschema_description:"Add this note to the incident."`
	DropEvent     bool     `json:"drop_event,omitempty" jsonschema_description:"Discard matching events entirely, leaving no alert (global orchestrations only)."`
	Label         string   `json:"label,omitempty" jsonschema:"maxLength=255" jsonschema_description:"What the rule is for, shown in PagerDuty, such as Known issue: disk full on db-01."`
	Position      string   `json:"position,omitempty" jsonschema:"enum=first,enum=last" jsonschema_description:"first (default): tried before the existing rules, so it wins when several match; last: after them."`
}

var addOrchestrationRule = &tool[addRuleIn, *OrchestrationRules]{
	spec: spec{
		name:    "add_orchestration_rule",
		title:   "Add an event orchestration rule",
		toolset: ToolsetOrchestrations,
		write:   true,
		description: `Adds a rule that acts on matching events: suppress them (a known issue, noise), set their severity, give the incident a priority, add a note, or drop them. The existing rules are kept.
Give service for the rules of the events that reach a service, or orchestration for the global path of a global orchestration.
To lower the urgency of low-priority alerts, set severity warning or info (it lowers urgency only when the service's urgency follows severity) or suppress them; PagerDuty has no rule that acknowledges alerts automatically.
Returns the rules as they now are, with PagerDuty's warnings (such as a feature the plan lacks, or a service that does not apply its orchestration yet).`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in addRuleIn) (*OrchestrationRules, error) {
		conds, err := checkConditions("conditions", in.Conditions)
		if err != nil {
			return nil, err
		}
		a := pagerduty.OrchestrationActions{Suppress: in.Suppress, Severity: pagerduty.AlertSeverity(in.Severity),
			Annotate: strings.TrimSpace(in.Annotate), DropEvent: in.DropEvent}
		if !a.Suppress && a.Severity == "" && a.Annotate == "" && !a.DropEvent && in.Priority == "" {
			return nil, userError("The rule does nothing: give at least one of suppress, severity, priority, annotate or drop_event.")
		}
		if a.DropEvent && strings.TrimSpace(in.Service) != "" {
			return nil, argError("drop_event", "only a global orchestration drops events: use suppress for a service, or give orchestration instead")
		}
		t, err := ruleHome(ctx, c, in.Orchestration, in.Service)
		if err != nil {
			return nil, err
		}
		if err := resolveOptional(ctx, c, "priority", in.Priority, resolvePriority, &a.Priority); err != nil {
			return nil, err
		}
		p, err := t.get(ctx, c)
		if err != nil {
			return nil, err
		}
		label := strings.TrimSpace(in.Label)
		if label == "" {
			label = strings.Join(compactActions(&a), ", ")
		}
		insertRule(p, pagerduty.OrchestrationRule{Label: label, Conditions: conds, Actions: a}, in.Position == "last")
		return savePath(ctx, c, t, p)
	},
}

type mapSeverityIn struct {
	Service       string   `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Map the severity of the events that reach this service: its ID or name. Give this or orchestration."`
	Orchestration string   `json:"orchestration,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Map the severity of every event of this global orchestration: its ID or name. Give this or service."`
	Field         string   `json:"field" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The event field that holds the monitoring tool's own level, such as event.custom_details.level, event.custom_details.priority or event.class."`
	Mappings      []string `json:"mappings" jsonschema:"required,minItems=1,maxItems=20,uniqueItems=true" jsonschema_description:"value=severity pairs, where severity is critical, error, warning or info: such as P1=critical, P2=error, P3=warning, P4=info. Values match exactly (case-sensitive)."`
}

// severityLabel starts the label of the rules map_alert_severity manages,
// so that a new mapping of the same field replaces the old one.
func severityLabel(field string) string { return "Severity from " + field + ": " }

var mapAlertSeverity = &tool[mapSeverityIn, *OrchestrationRules]{
	spec: spec{
		name:        "map_alert_severity",
		title:       "Map external severity levels",
		toolset:     ToolsetOrchestrations,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Sets the severity of alerts from a field of the event that carries the monitoring tool's own level (P1..P4, high/low, thresholds reached...): one rule per value, tried before the other rules.
Calling it again for the same field replaces the rules it made before for that field; other rules are kept. Give service (the events that reach a service) or orchestration (a global orchestration's global path).
Severity drives urgency on services whose urgency follows severity. Returns the rules as they now are.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in mapSeverityIn) (*OrchestrationRules, error) {
		field := strings.TrimSpace(in.Field)
		if !strings.HasPrefix(field, "event.") {
			field = "event." + field
		}
		if strings.ContainsAny(field, " '\"") {
			return nil, argError("field", "%q is not an event field: use a path such as event.custom_details.level", truncate(field, 60))
		}
		var rules []pagerduty.OrchestrationRule
		for i, m := range in.Mappings {
			value, sev, ok := strings.Cut(m, "=")
			value, sev = strings.TrimSpace(value), strings.ToLower(strings.TrimSpace(sev))
			arg := fmt.Sprintf("mappings[%d]", i)
			if !ok || value == "" {
				return nil, argError(arg, "%q is not a value=severity pair: write such as P1=critical", truncate(m, 60))
			}
			if !slices.Contains([]string{"critical", "error", "warning", "info"}, sev) {
				return nil, argError(arg, "severity %q is not accepted: use critical, error, warning or info", truncate(sev, 20))
			}
			if strings.ContainsAny(value, "'\\") {
				return nil, argError(arg, "the value %q holds a quote or a backslash, which a condition cannot match exactly: add the rule with add_orchestration_rule and a regex", truncate(value, 40))
			}
			rules = append(rules, pagerduty.OrchestrationRule{
				Label:      severityLabel(field) + value,
				Conditions: []pagerduty.OrchestrationCondition{{Expression: fmt.Sprintf("%s matches '%s'", field, value)}},
				Actions:    pagerduty.OrchestrationActions{Severity: pagerduty.AlertSeverity(sev)},
			})
		}
		t, err := ruleHome(ctx, c, in.Orchestration, in.Service)
		if err != nil {
			return nil, err
		}
		p, err := t.get(ctx, c)
		if err != nil {
			return nil, err
		}
		if len(p.Sets) == 0 {
			p.Sets = []pagerduty.OrchestrationRuleSet{{ID: "start"}}
		}
		kept := slices.DeleteFunc(p.Sets[0].Rules, func(r pagerduty.OrchestrationRule) bool {
			return strings.HasPrefix(r.Label, severityLabel(field))
		})
		p.Sets[0].Rules = append(rules, kept...)
		return savePath(ctx, c, t, p)
	},
}
