package pagerduty

import (
	"fmt"
	"slices"
	"strings"
)

// The actions each path accepts, by their JSON names, in rules (the
// catch-all accepts the same but route_to, except on the router).
var orchestrationPathActions = map[OrchestrationPathType][]string{
	OrchestrationPathRouter:   {"route_to", "dynamic_route_to"},
	OrchestrationPathUnrouted: {"route_to", "severity", "event_action", "variables", "extractions"},
	OrchestrationPathGlobal: {"route_to", "suppress", "suspend", "drop_event", "priority", "escalation_policy", "annotate",
		"severity", "event_action", "variables", "extractions", "automation_actions", "incident_custom_field_updates"},
	OrchestrationPathService: {"route_to", "suppress", "suspend", "priority", "escalation_policy", "annotate",
		"severity", "event_action", "variables", "extractions", "automation_actions", "pagerduty_automation_actions",
		"incident_custom_field_updates"},
}

// orchSetActions lists the JSON names of the actions a has set.
func orchSetActions(a *OrchestrationActions) []string {
	var names []string
	add := func(set bool, name string) {
		if set {
			names = append(names, name)
		}
	}
	add(a.RouteTo != "", "route_to")
	add(a.DynamicRouteTo != nil, "dynamic_route_to")
	add(a.Suppress, "suppress")
	add(a.Suspend != 0, "suspend")
	add(a.DropEvent, "drop_event")
	add(a.Priority != "", "priority")
	add(a.EscalationPolicy != "", "escalation_policy")
	add(a.Annotate != "", "annotate")
	add(a.Severity != "", "severity")
	add(a.EventAction != "", "event_action")
	add(len(a.Variables) > 0, "variables")
	add(len(a.Extractions) > 0, "extractions")
	add(len(a.AutomationActions) > 0, "automation_actions")
	add(len(a.PagerDutyAutomationActions) > 0, "pagerduty_automation_actions")
	add(len(a.IncidentCustomFieldUpdates) > 0, "incident_custom_field_updates")
	return names
}

// orchPathWire checks a path of the given kind and returns what an update
// sends. Nil slices are sent empty, so a path with no rules clears them.
func orchPathWire(kind OrchestrationPathType, p *OrchestrationPath) (*orchestrationPathWire, error) {
	if p == nil {
		return nil, required("the path", "pass an *OrchestrationPath, usually one read with the matching Get method and changed")
	}
	if len(p.Sets) == 0 {
		return nil, required("Sets", `at least the set "start", where events enter the path`)
	}
	if kind == OrchestrationPathRouter && len(p.Sets) != 1 {
		return nil, fmt.Errorf("pagerduty: Sets: the router path has exactly one set (\"start\"), not %d", len(p.Sets))
	}
	if p.Sets[0].ID != "start" {
		return nil, fmt.Errorf("pagerduty: Sets[0].ID is %q: the first set is \"start\", where events enter the path", p.Sets[0].ID)
	}
	sets := map[string]bool{}
	for i, set := range p.Sets {
		if set.ID == "" {
			return nil, required(fmt.Sprintf("Sets[%d].ID", i), "a name rules can route to")
		}
		if sets[set.ID] {
			return nil, fmt.Errorf("pagerduty: Sets[%d].ID: two sets are named %q", i, set.ID)
		}
		sets[set.ID] = true
	}
	w := &orchestrationPathWire{Sets: make([]OrchestrationRuleSet, len(p.Sets)), CatchAll: p.CatchAll}
	for i, set := range p.Sets {
		rules := make([]OrchestrationRule, len(set.Rules))
		for j, r := range set.Rules {
			field := func() string { return fmt.Sprintf("Sets[%d].Rules[%d]", i, j) }
			for k, c := range r.Conditions {
				if strings.TrimSpace(c.Expression) == "" {
					return nil, required(fmt.Sprintf("%s.Conditions[%d].Expression", field(), k), "a condition such as event.severity matches 'critical'")
				}
			}
			if r.Conditions == nil {
				r.Conditions = []OrchestrationCondition{}
			}
			if err := checkOrchestrationActions(kind, func() string { return field() + ".Actions" }, &r.Actions, sets, true); err != nil {
				return nil, err
			}
			r.Actions = orchActionsWire(r.Actions)
			rules[j] = r
		}
		w.Sets[i] = OrchestrationRuleSet{ID: set.ID, Rules: rules}
	}
	if err := checkOrchestrationActions(kind, func() string { return "CatchAll.Actions" }, &w.CatchAll.Actions, sets, false); err != nil {
		return nil, err
	}
	w.CatchAll.Actions = orchActionsWire(w.CatchAll.Actions)
	return w, nil
}

// orchActionsWire fills the defaults the API needs spelled out.
func orchActionsWire(a OrchestrationActions) OrchestrationActions {
	if len(a.Variables) > 0 {
		vs := make([]OrchestrationVariable, len(a.Variables))
		for i, v := range a.Variables {
			if v.Type == "" {
				v.Type = "regex"
			}
			vs[i] = v
		}
		a.Variables = vs
	}
	return a
}

// checkOrchestrationActions checks the actions a of a rule (inRule) or a
// catch-all of a path of the given kind, whose sets are named in sets.
// field names a in error messages; it is called only when a check fails.
func checkOrchestrationActions(kind OrchestrationPathType, field func() string, a *OrchestrationActions, sets map[string]bool, inRule bool) error {
	allowed := orchestrationPathActions[kind]
	if !inRule && kind == OrchestrationPathUnrouted {
		// PagerDuty reports the unrouted catch-all as suppressing events,
		// and takes that back.
		allowed = append([]string{"suppress"}, allowed[1:]...)
	} else if !inRule && kind != OrchestrationPathRouter {
		allowed = allowed[1:] // no route_to in a catch-all but the router's
	}
	if !inRule && kind == OrchestrationPathRouter {
		allowed = allowed[:1] // the router's catch-all only routes
	}
	for _, name := range orchSetActions(a) {
		ok := false
		for _, n := range allowed {
			ok = ok || n == name
		}
		if !ok {
			where := "its rules"
			if !inRule {
				where = "its catch-all"
			}
			return fmt.Errorf("pagerduty: %s: the %s path does not accept %s in %s; it accepts %s", field(), kind, name, where, strings.Join(allowed, ", "))
		}
	}
	if a.RouteTo != "" {
		switch {
		case kind == OrchestrationPathRouter && a.RouteTo == "unrouted":
		case kind == OrchestrationPathRouter:
			if err := ValidateID(a.RouteTo); err != nil {
				return fmt.Errorf("%s.RouteTo (a service ID or \"unrouted\"): %w", field(), err)
			}
		case !sets[a.RouteTo]:
			return fmt.Errorf("pagerduty: %s.RouteTo: there is no set %q in the path to route to", field(), a.RouteTo)
		}
	}
	if inRule && kind == OrchestrationPathRouter && a.RouteTo == "" && a.DynamicRouteTo == nil {
		return required(field()+".RouteTo", "the ID of the service matching events go to (or DynamicRouteTo)")
	}
	if d := a.DynamicRouteTo; d != nil {
		if d.Source == "" || d.Regex == "" {
			return required(field()+".DynamicRouteTo.Source and Regex", "the event field read and the expression capturing the service's name or ID")
		}
		if l := []DynamicRouteLookup{DynamicRouteByServiceName, DynamicRouteByServiceID}; !slices.Contains(l, d.LookupBy) {
			return oneOf(field()+".DynamicRouteTo.LookupBy", []DynamicRouteLookup{d.LookupBy}, l...)
		}
	}
	if a.Suspend < 0 {
		return fmt.Errorf("pagerduty: %s.Suspend is %d: a number of seconds, 0 or more", field(), a.Suspend)
	}
	if a.Priority != "" {
		if err := ValidateID(a.Priority); err != nil {
			return fmt.Errorf("%s.Priority: %w", field(), err)
		}
	}
	if a.EscalationPolicy != "" {
		if err := ValidateID(a.EscalationPolicy); err != nil {
			return fmt.Errorf("%s.EscalationPolicy: %w", field(), err)
		}
	}
	if a.Severity != "" {
		if l := []AlertSeverity{SeverityInfo, SeverityWarning, SeverityError, SeverityCritical}; !slices.Contains(l, a.Severity) {
			return oneOf(field()+".Severity", []AlertSeverity{a.Severity}, l...)
		}
	}
	if a.EventAction != "" {
		if l := []OrchestrationEventAction{OrchestrationTrigger, OrchestrationResolve}; !slices.Contains(l, a.EventAction) {
			return oneOf(field()+".EventAction", []OrchestrationEventAction{a.EventAction}, l...)
		}
	}
	for i, v := range a.Variables {
		if v.Name == "" || v.Path == "" || v.Value == "" {
			return required(fmt.Sprintf("%s.Variables[%d].Name, Path and Value", field(), i), "the variable's name, the event field it reads and the regular expression applied")
		}
		if v.Type != "" && v.Type != "regex" {
			return fmt.Errorf("pagerduty: %s.Variables[%d].Type is %q: the one kind of variable is \"regex\"", field(), i, v.Type)
		}
	}
	for i, x := range a.Extractions {
		if !validOrchExtraction(x) {
			return checkOrchExtraction(fmt.Sprintf("%s.Extractions[%d]", field(), i), x)
		}
	}
	for i, h := range a.AutomationActions {
		f := fmt.Sprintf("%s.AutomationActions[%d]", field(), i)
		if h.Name == "" || h.URL == "" {
			return required(f+".Name and URL", "the action's name and the web hook it calls")
		}
		if err := checkOrchTriggerTypes(f, h.TriggerTypes); err != nil {
			return err
		}
	}
	for i, pa := range a.PagerDutyAutomationActions {
		f := fmt.Sprintf("%s.PagerDutyAutomationActions[%d]", field(), i)
		if err := ValidateID(pa.ActionID); err != nil {
			return fmt.Errorf("%s.ActionID: %w", f, err)
		}
		if err := checkOrchTriggerTypes(f, pa.TriggerTypes); err != nil {
			return err
		}
	}
	for i, u := range a.IncidentCustomFieldUpdates {
		if err := ValidateID(u.ID); err != nil {
			return fmt.Errorf("%s.IncidentCustomFieldUpdates[%d].ID: %w", field(), i, err)
		}
	}
	return nil
}

// validOrchExtraction reports whether x has a target and one way to set it.
func validOrchExtraction(x OrchestrationExtraction) bool {
	return checkOrchExtraction("", x) == nil
}

// checkOrchExtraction says what is wrong with the extraction x, named field.
func checkOrchExtraction(field string, x OrchestrationExtraction) error {
	if x.Target == "" {
		return required(field+".Target", "the event field to set, such as event.summary")
	}
	byTemplate := x.Template != ""
	byRegex := x.Source != "" || x.Regex != ""
	if byTemplate == byRegex || (byRegex && (x.Source == "" || x.Regex == "")) {
		return fmt.Errorf("pagerduty: %s: an extraction has either a Template, or a Source with a Regex", field)
	}
	return nil
}

func checkOrchTriggerTypes(field string, types []AutomationTriggerType) error {
	if len(types) != 1 {
		return fmt.Errorf("pagerduty: %s.TriggerTypes has %d items: exactly one is accepted", field, len(types))
	}
	return oneOf(field+".TriggerTypes", types, TriggerOnAlertTriggered, TriggerOnAlertSuppressed, TriggerOnAlertSuspended)
}
