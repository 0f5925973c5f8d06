package pagerduty

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"time"
)

// OrchestrationPathType names one of the paths of rules events go through.
type OrchestrationPathType string

// The orchestration paths.
const (
	// OrchestrationPathGlobal acts on every event of a global orchestration
	// before it is routed.
	OrchestrationPathGlobal OrchestrationPathType = "global"
	// OrchestrationPathRouter sends the events of a global orchestration to
	// services.
	OrchestrationPathRouter OrchestrationPathType = "router"
	// OrchestrationPathUnrouted acts on the events the router sent to no
	// service.
	OrchestrationPathUnrouted OrchestrationPathType = "unrouted"
	// OrchestrationPathService acts on the events that reach a service.
	OrchestrationPathService OrchestrationPathType = "service"
)

// OrchestrationPath is one path of an orchestration: sets of rules, each
// rule a list of conditions and the actions applied when they hold, and a
// catch-all whose actions apply when no rule of a set matched.
//
// Events enter at the set "start" (Sets[0]); a rule's RouteTo can send them
// on to another set. The router path has exactly one set and only routes.
type OrchestrationPath struct {
	// Type says which path this is.
	Type OrchestrationPathType `json:"type,omitempty"`
	// Parent is the orchestration (event_orchestration_reference) or, for a
	// service path, the service (service_reference).
	Parent *Reference `json:"parent,omitempty"`
	Self   string     `json:"self,omitempty"`
	// Sets are the path's rule sets, "start" first.
	Sets []OrchestrationRuleSet `json:"sets"`
	// CatchAll applies to events that matched no rule.
	CatchAll OrchestrationCatchAll `json:"catch_all"`

	CreatedAt time.Time  `json:"created_at,omitzero"`
	CreatedBy *Reference `json:"created_by,omitempty"`
	UpdatedAt time.Time  `json:"updated_at,omitzero"`
	UpdatedBy *Reference `json:"updated_by,omitempty"`
	// Version changes with every change of the path.
	Version string `json:"version,omitempty"`

	// The Migrated fields say when and how a service's event rules were
	// converted into its service path (service paths only; zero otherwise).
	MigratedAt   time.Time  `json:"migrated_at,omitzero"`
	MigratedBy   *Reference `json:"migrated_by,omitempty"`
	MigratedFrom *Reference `json:"migrated_from,omitempty"`
	// MigratedStatus is "completed" once converted.
	MigratedStatus string `json:"migrated_status,omitempty"`
	// MigratedVia is "API" or "UI".
	MigratedVia string `json:"migrated_via,omitempty"`
}

// OrchestrationRuleSet is a named list of rules; the first rule whose
// conditions hold applies.
type OrchestrationRuleSet struct {
	// ID names the set: "start" for the first one, any name for the others
	// (rules route to it by this name).
	ID    string              `json:"id"`
	Rules []OrchestrationRule `json:"rules"`
}

// OrchestrationRule applies Actions to the events that meet every one of
// Conditions (no conditions: every event).
type OrchestrationRule struct {
	// ID is set by PagerDuty; leave it empty for a new rule and keep it for
	// an existing one.
	ID string `json:"id,omitempty"`
	// Label describes the rule.
	Label      string                   `json:"label,omitempty"`
	Conditions []OrchestrationCondition `json:"conditions"`
	Actions    OrchestrationActions     `json:"actions"`
	// Disabled keeps the rule without applying it.
	Disabled bool `json:"disabled,omitempty"`
}

// OrchestrationCondition is a PagerDuty Condition Language expression over
// the event, such as "event.severity matches 'critical'".
type OrchestrationCondition struct {
	Expression string `json:"expression"`
}

// OrchestrationCatchAll holds the actions applied to events no rule of a set
// matched.
type OrchestrationCatchAll struct {
	Actions OrchestrationActions `json:"actions"`
}

// OrchestrationEventAction is what an event does to its alert.
type OrchestrationEventAction string

// The event actions a rule can set.
const (
	OrchestrationTrigger OrchestrationEventAction = "trigger"
	OrchestrationResolve OrchestrationEventAction = "resolve"
)

// OrchestrationActions are what a rule does to matching events. Each path
// accepts some of them, and the update methods refuse the others before
// sending: the router only routes (RouteTo, DynamicRouteTo); the unrouted
// path sets Severity and EventAction and runs Variables and Extractions (its
// catch-all also reports Suppress); the global and service paths accept all
// but DynamicRouteTo, DropEvent being for global paths only and
// PagerDutyAutomationActions for service paths only. A catch-all never
// routes, except the router's. A field left at its zero value is not sent.
type OrchestrationActions struct {
	// RouteTo is, on the router path, the ID of the service events go to
	// ("unrouted" in the catch-all); on other paths, the ID of the set
	// events continue in.
	RouteTo string `json:"route_to,omitempty"`
	// DynamicRouteTo picks the service from a value of the event (router
	// rules only).
	DynamicRouteTo *DynamicRouteTo `json:"dynamic_route_to,omitempty"`
	// Suppress keeps the alert without notifying anyone.
	Suppress bool `json:"suppress,omitempty"`
	// Suspend holds the alert this many seconds before it triggers, so a
	// resolve arriving meanwhile cancels it.
	Suspend int `json:"suspend,omitempty"`
	// DropEvent discards the event (global paths only).
	DropEvent bool `json:"drop_event,omitempty"`
	// Priority is the ID of the priority given to the incident.
	Priority string `json:"priority,omitempty"`
	// EscalationPolicy is the ID of the escalation policy the incident is
	// assigned to.
	EscalationPolicy string `json:"escalation_policy,omitempty"`
	// Annotate adds this note to the incident.
	Annotate string `json:"annotate,omitempty"`
	// Severity overrides the event's severity.
	Severity AlertSeverity `json:"severity,omitempty"`
	// EventAction turns the event into a trigger or a resolve.
	EventAction OrchestrationEventAction `json:"event_action,omitempty"`
	// Variables capture values of the event for Extractions and later
	// conditions.
	Variables []OrchestrationVariable `json:"variables,omitempty"`
	// Extractions rewrite fields of the event.
	Extractions []OrchestrationExtraction `json:"extractions,omitempty"`
	// AutomationActions call web hooks when the alert is created.
	AutomationActions []OrchestrationWebhookAction `json:"automation_actions,omitempty"`
	// PagerDutyAutomationActions run PagerDuty Automation actions (service
	// paths only).
	PagerDutyAutomationActions []OrchestrationAutomationAction `json:"pagerduty_automation_actions,omitempty"`
	// IncidentCustomFieldUpdates set custom fields of the incident.
	IncidentCustomFieldUpdates []OrchestrationFieldUpdate `json:"incident_custom_field_updates,omitempty"`

	// Other holds the actions this package does not model, by their JSON
	// names, as the API sent them. They are sent back unchanged, so a path
	// read, changed and updated keeps actions PagerDuty added after this
	// package was written. They are not checked before sending.
	Other map[string]json.RawMessage `json:"-"`
}

// orchestrationActionsFields are the JSON names of the modelled actions.
var orchestrationActionsFields = func() map[string]bool {
	m := map[string]bool{}
	t := reflect.TypeFor[orchestrationActionsJSON]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = true
		}
	}
	return m
}()

// orchestrationActionsJSON is OrchestrationActions without its methods.
type orchestrationActionsJSON OrchestrationActions

// UnmarshalJSON decodes the actions, keeping the unmodelled ones in Other.
func (a *OrchestrationActions) UnmarshalJSON(b []byte) error {
	var known orchestrationActionsJSON
	if err := json.Unmarshal(b, &known); err != nil {
		return err
	}
	if !hasUnknownKey(b, orchestrationActionsFields) {
		*a = OrchestrationActions(known)
		return nil
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	for k, v := range all {
		if !orchestrationActionsFields[k] {
			if known.Other == nil {
				known.Other = map[string]json.RawMessage{}
			}
			known.Other[k] = v
		}
	}
	*a = OrchestrationActions(known)
	return nil
}

// hasUnknownKey reports whether the JSON object b (already known to be
// valid) has a key that is not in known. It reads the keys in place,
// without decoding the values.
func hasUnknownKey(b []byte, known map[string]bool) bool {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			start := i + 1
			escaped := false
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					escaped = true
					i++
				}
			}
			if depth != 1 {
				continue
			}
			// A string at depth 1 is a key when a colon follows it.
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
				j++
			}
			if j < len(b) && b[j] == ':' && (escaped || !known[string(b[start:i])]) {
				return true
			}
		}
	}
	return false
}

// MarshalJSON encodes the actions, with the unmodelled ones of Other.
func (a OrchestrationActions) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(orchestrationActionsJSON(a))
	if err != nil || len(a.Other) == 0 {
		return b, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	for k, v := range a.Other {
		if _, set := all[k]; !set && !orchestrationActionsFields[k] {
			all[k] = v
		}
	}
	return json.Marshal(all)
}

// DynamicRouteLookup says how a dynamic route names its service.
type DynamicRouteLookup string

// The ways a dynamic route can name a service.
const (
	DynamicRouteByServiceName DynamicRouteLookup = "service_name"
	DynamicRouteByServiceID   DynamicRouteLookup = "service_id"
)

// DynamicRouteTo routes an event to the service named by the value Regex
// captures from the event field Source.
type DynamicRouteTo struct {
	Source   string             `json:"source"`
	Regex    string             `json:"regex"`
	LookupBy DynamicRouteLookup `json:"lookup_by"`
}

// OrchestrationVariable captures a value from the event field Path with the
// regular expression Value, as variables.<Name>.
type OrchestrationVariable struct {
	Name string `json:"name"`
	Path string `json:"path"`
	// Type is "regex", the one kind there is; empty is sent as "regex".
	Type  string `json:"type"`
	Value string `json:"value"`
}

// OrchestrationExtraction sets the event field Target, either from Template
// (which can name {{variables.x}} and {{event.x}}) or from what Regex
// captures in the field Source.
type OrchestrationExtraction struct {
	Target   string `json:"target"`
	Template string `json:"template,omitempty"`
	Source   string `json:"source,omitempty"`
	Regex    string `json:"regex,omitempty"`
}

// AutomationTriggerType says which alert outcome runs an automation action.
type AutomationTriggerType string

// The alert outcomes that can run an automation action.
const (
	TriggerOnAlertTriggered  AutomationTriggerType = "alert_triggered"
	TriggerOnAlertSuppressed AutomationTriggerType = "alert_suppressed"
	TriggerOnAlertSuspended  AutomationTriggerType = "alert_suspended"
)

// OrchestrationWebhookAction calls URL when an alert has one of
// TriggerTypes, with Headers and Parameters.
type OrchestrationWebhookAction struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	// AutoSend calls the web hook without waiting for a responder.
	AutoSend   bool                    `json:"auto_send,omitempty"`
	Headers    []OrchestrationKeyValue `json:"headers,omitempty"`
	Parameters []OrchestrationKeyValue `json:"parameters,omitempty"`
	// TriggerTypes holds exactly one trigger type.
	TriggerTypes []AutomationTriggerType `json:"trigger_types,omitempty"`
}

// OrchestrationKeyValue is a header or parameter of a web hook action.
type OrchestrationKeyValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// OrchestrationAutomationAction runs the PagerDuty Automation action
// ActionID when an alert has one of TriggerTypes.
type OrchestrationAutomationAction struct {
	ActionID string `json:"action_id"`
	// TriggerTypes holds exactly one trigger type.
	TriggerTypes []AutomationTriggerType `json:"trigger_types,omitempty"`
}

// OrchestrationFieldUpdate sets the incident custom field ID to Value
// (which can be a template such as "{{event.timestamp}}").
type OrchestrationFieldUpdate struct {
	ID    string `json:"id"`
	Value string `json:"value"`
}

// OrchestrationWarning is a problem PagerDuty found in a path it accepted:
// a rule using a feature the account's plan lacks is kept but not applied.
type OrchestrationWarning struct {
	Message string `json:"message"`
	// RuleID is the rule concerned.
	RuleID string `json:"rule_id,omitempty"`
	// Feature and FeatureType name what is not available, such as
	// "dynamic_route_to" of type "actions".
	Feature     string `json:"feature,omitempty"`
	FeatureType string `json:"feature_type,omitempty"`
	// WarningType is "forbidden_feature", "invalid_routing" or
	// "invalid_data".
	WarningType string `json:"warning_type,omitempty"`
}

// GetGlobalPath returns the global path of the orchestration id: the rules
// every event goes through before it is routed.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) GetGlobalPath(ctx context.Context, id string) (*OrchestrationPath, error) {
	return s.getPath(ctx, "/event_orchestrations/{id}/global", id)
}

// UpdateGlobalPath replaces the rules of the global path of the
// orchestration id with those of path (its Sets and CatchAll; the other
// fields are read only). It returns the path as it is now and the warnings
// PagerDuty raised about it.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) UpdateGlobalPath(ctx context.Context, id string, path *OrchestrationPath) (*OrchestrationPath, []OrchestrationWarning, error) {
	return s.updatePath(ctx, "/event_orchestrations/{id}/global", id, OrchestrationPathGlobal, path)
}

// GetRouterPath returns the router path of the orchestration id: the rules
// that send events to services.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) GetRouterPath(ctx context.Context, id string) (*OrchestrationPath, error) {
	return s.getPath(ctx, "/event_orchestrations/{id}/router", id)
}

// UpdateRouterPath replaces the routing rules of the orchestration id with
// those of path: one set whose rules route to services, and a catch-all
// (RouteTo "unrouted" or a service ID). It returns the path as it is now and
// the warnings PagerDuty raised about it.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) UpdateRouterPath(ctx context.Context, id string, path *OrchestrationPath) (*OrchestrationPath, []OrchestrationWarning, error) {
	return s.updatePath(ctx, "/event_orchestrations/{id}/router", id, OrchestrationPathRouter, path)
}

// GetUnroutedPath returns the unrouted path of the orchestration id: the
// rules applied to events the router sent nowhere.
//
// OAuth scope event_orchestrations.read.
func (s *EventOrchestrationsService) GetUnroutedPath(ctx context.Context, id string) (*OrchestrationPath, error) {
	return s.getPath(ctx, "/event_orchestrations/{id}/unrouted", id)
}

// UpdateUnroutedPath replaces the rules of the unrouted path of the
// orchestration id with those of path, and returns the path as it is now and
// the warnings PagerDuty raised about it.
//
// OAuth scope event_orchestrations.write.
func (s *EventOrchestrationsService) UpdateUnroutedPath(ctx context.Context, id string, path *OrchestrationPath) (*OrchestrationPath, []OrchestrationWarning, error) {
	return s.updatePath(ctx, "/event_orchestrations/{id}/unrouted", id, OrchestrationPathUnrouted, path)
}

// GetServicePath returns the service orchestration of the service
// serviceID: the rules applied to the events that reach it.
//
// OAuth scope services.read.
func (s *EventOrchestrationsService) GetServicePath(ctx context.Context, serviceID string) (*OrchestrationPath, error) {
	return s.getPath(ctx, "/event_orchestrations/services/{service_id}", serviceID)
}

// UpdateServicePath replaces the rules of the service orchestration of the
// service serviceID with those of path, and returns the path as it is now
// and the warnings PagerDuty raised about it.
//
// OAuth scope services.write.
func (s *EventOrchestrationsService) UpdateServicePath(ctx context.Context, serviceID string, path *OrchestrationPath) (*OrchestrationPath, []OrchestrationWarning, error) {
	return s.updatePath(ctx, "/event_orchestrations/services/{service_id}", serviceID, OrchestrationPathService, path)
}

func (s *EventOrchestrationsService) getPath(ctx context.Context, template, id string) (*OrchestrationPath, error) {
	return getAt[OrchestrationPath](ctx, s.client, template, "orchestration_path", id)
}

// orchestrationPathWire is what a path update sends: the rules, not the
// read-only facts.
type orchestrationPathWire struct {
	Sets     []OrchestrationRuleSet `json:"sets"`
	CatchAll OrchestrationCatchAll  `json:"catch_all"`
}

func (s *EventOrchestrationsService) updatePath(ctx context.Context, template, id string, kind OrchestrationPathType, p *OrchestrationPath) (*OrchestrationPath, []OrchestrationWarning, error) {
	path, err := expandPath(template, id)
	if err != nil {
		return nil, nil, err
	}
	w, err := orchPathWire(kind, p)
	if err != nil {
		return nil, nil, err
	}
	var out struct {
		Path     *OrchestrationPath     `json:"orchestration_path"`
		Warnings []OrchestrationWarning `json:"warnings"`
	}
	r := &request{method: "PUT", path: path, body: map[string]any{"orchestration_path": w}}
	if err := s.client.do(ctx, r, &out); err != nil {
		return nil, nil, err
	}
	if out.Path == nil {
		return nil, nil, orchMissing(r, "orchestration_path")
	}
	return out.Path, out.Warnings, nil
}
