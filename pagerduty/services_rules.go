package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"time"
)

// ServiceEventRule is a rule of a service's event rules: when an incoming
// event meets Conditions (within TimeFrame), it applies Actions. Service
// event rules are superseded by event orchestrations; see
// ServicesService.ConvertEventRules.
type ServiceEventRule struct {
	ID   string `json:"id,omitempty"`
	Self string `json:"self,omitempty"`
	// Disabled keeps the rule without applying it; a pointer to false
	// re-enables a rule in an update.
	Disabled *bool `json:"disabled,omitempty"`
	// Position is the rule's place in the evaluation order, from 0.
	Position   *int                     `json:"position,omitempty"`
	Conditions *EventRuleConditions     `json:"conditions,omitempty"`
	TimeFrame  *EventRuleTimeFrame      `json:"time_frame,omitempty"`
	Variables  []EventRuleVariable      `json:"variables,omitempty"`
	Actions    *ServiceEventRuleActions `json:"actions,omitempty"`
}

// EventRuleConditions combines tests on an event with "and" or "or".
type EventRuleConditions struct {
	// Operator is "and" or "or".
	Operator      string                  `json:"operator"`
	Subconditions []EventRuleSubcondition `json:"subconditions"`
}

// EventRuleSubcondition tests one field of an event: Operator is "exists",
// "nexists", "equals", "nequals", "contains", "ncontains", "matches" or
// "nmatches".
type EventRuleSubcondition struct {
	Operator   string                       `json:"operator"`
	Parameters EventRuleConditionParameters `json:"parameters"`
}

// EventRuleConditionParameters say which field of the event (Path, such as
// "summary") a subcondition reads, and the value it compares with.
type EventRuleConditionParameters struct {
	Path    string `json:"path,omitempty"`
	Value   string `json:"value,omitempty"`
	Options any    `json:"options,omitempty"`
}

// EventRuleTimeFrame limits when a rule applies: between two instants, or
// weekly.
type EventRuleTimeFrame struct {
	ActiveBetween   *EventRuleActiveBetween   `json:"active_between,omitempty"`
	ScheduledWeekly *EventRuleScheduledWeekly `json:"scheduled_weekly,omitempty"`
}

// EventRuleActiveBetween is a time frame between two instants, in
// milliseconds since the Unix epoch.
type EventRuleActiveBetween struct {
	StartTime int64 `json:"start_time"`
	EndTime   int64 `json:"end_time"`
}

// Start returns StartTime as a time.
func (a EventRuleActiveBetween) Start() time.Time { return time.UnixMilli(a.StartTime) }

// End returns EndTime as a time.
func (a EventRuleActiveBetween) End() time.Time { return time.UnixMilli(a.EndTime) }

// EventRuleScheduledWeekly is a weekly time frame: from StartTime
// (milliseconds after midnight in Timezone) for Duration milliseconds, on
// Weekdays (1 Monday to 7 Sunday).
type EventRuleScheduledWeekly struct {
	StartTime int64  `json:"start_time"`
	Duration  int64  `json:"duration"`
	Timezone  string `json:"timezone"`
	Weekdays  []int  `json:"weekdays"`
}

// EventRuleVariable captures a value of an event with a regular expression
// (Type "regex"), for use in extraction templates.
type EventRuleVariable struct {
	Type       string                      `json:"type"`
	Name       string                      `json:"name"`
	Parameters EventRuleVariableParameters `json:"parameters"`
}

// EventRuleVariableParameters are the expression (Value) and the event
// field it reads (Path).
type EventRuleVariableParameters struct {
	Value string `json:"value"`
	Path  string `json:"path"`
}

// ServiceEventRuleActions are what a service event rule does to matching
// events. Each action is set when present.
type ServiceEventRuleActions struct {
	Annotate    *EventRuleValue       `json:"annotate,omitempty"`
	EventAction *EventRuleValue       `json:"event_action,omitempty"`
	Extractions []EventRuleExtraction `json:"extractions,omitempty"`
	Priority    *EventRuleValue       `json:"priority,omitempty"`
	Severity    *EventRuleValue       `json:"severity,omitempty"`
	Suppress    *EventRuleSuppress    `json:"suppress,omitempty"`
	Suspend     *EventRuleSuspend     `json:"suspend,omitempty"`
}

// EventRuleValue is the value an action sets: a note (annotate), "trigger"
// or "resolve" (event_action), a priority ID (priority), or "info",
// "warning", "error" or "critical" (severity).
type EventRuleValue struct {
	Value string `json:"value"`
}

// EventRuleExtraction sets the event field Target from Source through Regex,
// or from Template (which can name variables as {{name}}).
type EventRuleExtraction struct {
	Target   string `json:"target"`
	Source   string `json:"source,omitempty"`
	Regex    string `json:"regex,omitempty"`
	Template string `json:"template,omitempty"`
}

// EventRuleSuppress suppresses matching events, or with a threshold only
// until ThresholdValue events arrive within the time given.
type EventRuleSuppress struct {
	Value bool `json:"value"`
	// ThresholdTimeUnit is "seconds", "minutes" or "hours".
	ThresholdValue      int    `json:"threshold_value,omitempty"`
	ThresholdTimeUnit   string `json:"threshold_time_unit,omitempty"`
	ThresholdTimeAmount int    `json:"threshold_time_amount,omitempty"`
}

// EventRuleSuspend holds matching alerts for Value seconds before they
// trigger, so a resolve arriving meanwhile can cancel them.
type EventRuleSuspend struct {
	Value int `json:"value"`
}

// ServiceEventRuleInclude names extra facts a listing of service event
// rules can carry.
type ServiceEventRuleInclude string

// IncludeMigratedMetadata adds to the listing where and when the rules were
// converted to an event orchestration.
const IncludeMigratedMetadata ServiceEventRuleInclude = "migrated_metadata"

// ListServiceEventRulesOptions pages the event rules of a service.
type ListServiceEventRulesOptions struct {
	ListOptions
	Includes []ServiceEventRuleInclude `url:"include[]"`
}

func (o *ListServiceEventRulesOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOf("Includes", o.Includes, IncludeMigratedMetadata); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// ListEventRules streams the event rules of the service serviceID, in
// evaluation order.
//
// OAuth scope services.read.
func (s *ServicesService) ListEventRules(ctx context.Context, serviceID string, opts *ListServiceEventRulesOptions) iter.Seq2[ServiceEventRule, error] {
	return offsetSeqAt[ServiceEventRule](ctx, s.client, "/services/{id}/rules", "rules", opts.query, serviceID)
}

// ServiceEventRulesPage is one page of a service's event rules and, with
// IncludeMigratedMetadata, where they were converted to.
type ServiceEventRulesPage struct {
	Page[ServiceEventRule]
	// Migration says when, by whom and to which orchestration the rules
	// were converted; nil unless asked for and converted.
	Migration *EventRulesMigration
}

// EventRulesMigration records the conversion of a service's event rules to
// an event orchestration.
type EventRulesMigration struct {
	At time.Time
	By *Reference
	// Status is "completed" once converted.
	Status string
	To     *Reference
	// Via is "API" or "UI".
	Via string
}

// ListEventRulesPage returns one page of the event rules of the service
// serviceID, with the conversion facts when opts include them.
//
// OAuth scope services.read.
func (s *ServicesService) ListEventRulesPage(ctx context.Context, serviceID string, opts *ListServiceEventRulesOptions) (*ServiceEventRulesPage, error) {
	path, err := expandPath("/services/{id}/rules", serviceID)
	if err != nil {
		return nil, err
	}
	q, lo, err := opts.query()
	if err != nil {
		return nil, err
	}
	if lo.Limit > 0 {
		q.Set("limit", strconv.Itoa(lo.Limit))
	}
	if lo.Offset > 0 {
		q.Set("offset", strconv.Itoa(lo.Offset))
	}
	if lo.Total {
		q.Set("total", "true")
	}
	var out struct {
		Rules          []ServiceEventRule `json:"rules"`
		Limit          *int               `json:"limit"`
		Offset         *int               `json:"offset"`
		More           *bool              `json:"more"`
		Total          *int               `json:"total"`
		MigratedAt     time.Time          `json:"migrated_at"`
		MigratedBy     *Reference         `json:"migrated_by"`
		MigratedStatus string             `json:"migrated_status"`
		MigratedTo     *Reference         `json:"migrated_to"`
		MigratedVia    string             `json:"migrated_via"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path, query: q}, &out); err != nil {
		return nil, err
	}
	p := &ServiceEventRulesPage{Page: Page[ServiceEventRule]{Items: out.Rules, Total: out.Total}}
	if out.Limit != nil {
		p.Limit = *out.Limit
	}
	if out.Offset != nil {
		p.Offset = *out.Offset
	}
	if out.More != nil {
		p.More = *out.More
	}
	if out.MigratedStatus != "" || out.MigratedTo != nil {
		p.Migration = &EventRulesMigration{At: out.MigratedAt, By: out.MigratedBy, Status: out.MigratedStatus, To: out.MigratedTo, Via: out.MigratedVia}
	}
	return p, nil
}

// checkEventRule validates the enums of a rule before it is sent.
func checkEventRule(r *ServiceEventRule) error {
	if r == nil {
		return required("the rule", "pass a *ServiceEventRule")
	}
	if c := r.Conditions; c != nil {
		if err := oneOf("Conditions.Operator", []string{c.Operator}, "and", "or"); err != nil {
			return err
		}
		for i, sc := range c.Subconditions {
			if err := oneOf(fmt.Sprintf("Conditions.Subconditions[%d].Operator", i), []string{sc.Operator},
				"exists", "nexists", "equals", "nequals", "contains", "ncontains", "matches", "nmatches"); err != nil {
				return err
			}
		}
	}
	for i, v := range r.Variables {
		if v.Type != "regex" || v.Name == "" {
			return fmt.Errorf("pagerduty: Variables[%d]: a variable has Type \"regex\" and a Name", i)
		}
	}
	if a := r.Actions; a != nil {
		if a.EventAction != nil {
			if err := oneOf("Actions.EventAction.Value", []string{a.EventAction.Value}, "trigger", "resolve"); err != nil {
				return err
			}
		}
		if a.Severity != nil {
			if err := oneOf("Actions.Severity.Value", []string{a.Severity.Value}, "info", "warning", "error", "critical"); err != nil {
				return err
			}
		}
		if a.Suppress != nil && a.Suppress.ThresholdTimeUnit != "" {
			if err := oneOf("Actions.Suppress.ThresholdTimeUnit", []string{a.Suppress.ThresholdTimeUnit}, "seconds", "minutes", "hours"); err != nil {
				return err
			}
		}
		for i, x := range a.Extractions {
			if x.Target == "" || (x.Template == "") == (x.Source == "" || x.Regex == "") {
				return fmt.Errorf("pagerduty: Actions.Extractions[%d]: an extraction has a Target and either a Template or a Source with a Regex", i)
			}
		}
	}
	return nil
}

// serviceRuleWire drops the read-only fields of a rule.
func serviceRuleWire(r *ServiceEventRule) *ServiceEventRule {
	w := *r
	w.ID, w.Self = "", ""
	return &w
}

// CreateEventRule adds an event rule to the service serviceID and returns
// it.
//
// OAuth scope services.write.
func (s *ServicesService) CreateEventRule(ctx context.Context, serviceID string, rule *ServiceEventRule) (*ServiceEventRule, error) {
	path, err := expandPath("/services/{id}/rules", serviceID)
	if err != nil {
		return nil, err
	}
	if err := checkEventRule(rule); err != nil {
		return nil, err
	}
	// The answer wraps the rule as "rule"; the API description's example
	// says "ruleset", which is accepted too.
	return objectCall[ServiceEventRule](ctx, s.client, &request{method: "POST", path: path, body: map[string]any{"rule": serviceRuleWire(rule)}}, "rule", "ruleset")
}

// GetEventRule returns the event rule ruleID of the service serviceID.
//
// OAuth scope services.read.
func (s *ServicesService) GetEventRule(ctx context.Context, serviceID, ruleID string) (*ServiceEventRule, error) {
	return getAt[ServiceEventRule](ctx, s.client, "/services/{id}/rules/{rule_id}", "rule", serviceID, ruleID)
}

// UpdateEventRule replaces the event rule ruleID of the service serviceID
// with rule and returns it as it is now. The fields rule leaves unset are
// left as they are.
//
// OAuth scope services.write.
func (s *ServicesService) UpdateEventRule(ctx context.Context, serviceID, ruleID string, rule *ServiceEventRule) (*ServiceEventRule, error) {
	path, err := expandPath("/services/{id}/rules/{rule_id}", serviceID, ruleID)
	if err != nil {
		return nil, err
	}
	if err := checkEventRule(rule); err != nil {
		return nil, err
	}
	return objectCall[ServiceEventRule](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"rule_id": ruleID, "rule": serviceRuleWire(rule)}}, "rule")
}

// DeleteEventRule removes the event rule ruleID of the service serviceID.
//
// OAuth scope services.write.
func (s *ServicesService) DeleteEventRule(ctx context.Context, serviceID, ruleID string) error {
	return deleteAt(ctx, s.client, "/services/{id}/rules/{rule_id}", serviceID, ruleID)
}

// EventRulesConversion is the outcome of converting a service's event rules
// to an event orchestration.
type EventRulesConversion struct {
	// Status is the conversion's state, as the API words it.
	Status string `json:"convert_status"`
	// ConvertedTo is the API URL of the service's orchestration.
	ConvertedTo string `json:"converted_to"`
}

// ConvertEventRules converts the event rules of the service serviceID into
// its event orchestration; the rules stop applying once converted.
//
// OAuth scope services.write.
func (s *ServicesService) ConvertEventRules(ctx context.Context, serviceID string) (*EventRulesConversion, error) {
	path, err := expandPath("/services/{id}/rules/convert", serviceID)
	if err != nil {
		return nil, err
	}
	var out EventRulesConversion
	if err := s.client.do(ctx, &request{method: "POST", path: path}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
