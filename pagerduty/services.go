package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// ServicesService reads and changes services, their integrations and their
// feature enablements.
type ServicesService service

// ServiceStatus is the state of a service, derived from its open incidents
// unless it is disabled or in maintenance.
type ServiceStatus string

// The service states.
const (
	ServiceActive      ServiceStatus = "active"
	ServiceWarning     ServiceStatus = "warning"
	ServiceCritical    ServiceStatus = "critical"
	ServiceMaintenance ServiceStatus = "maintenance"
	ServiceDisabled    ServiceStatus = "disabled"
)

// AlertCreation says whether a service opens incidents directly or keeps
// alerts that incidents group.
type AlertCreation string

// The alert creation modes.
const (
	// CreateIncidents opens one incident per event, with no alerts (legacy).
	CreateIncidents AlertCreation = "create_incidents"
	// CreateAlertsAndIncidents keeps each event as an alert and opens
	// incidents that can group several alerts.
	CreateAlertsAndIncidents AlertCreation = "create_alerts_and_incidents"
)

// UrgencySeverityBased sets an incident's urgency from the severity of the
// event that opened it (in a service's IncidentUrgencyRule).
const UrgencySeverityBased Urgency = "severity_based"

// Service is something a team operates (an application, a component, a
// piece of infrastructure) that incidents are opened on.
type Service struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// AutoResolveTimeout resolves an incident after this many seconds open;
	// nil disables it.
	AutoResolveTimeout *int `json:"auto_resolve_timeout,omitempty"`
	// AcknowledgementTimeout re-triggers an acknowledged incident after this
	// many seconds; nil disables it.
	AcknowledgementTimeout *int `json:"acknowledgement_timeout,omitempty"`
	// Status is the service's state.
	Status                ServiceStatus `json:"status,omitempty"`
	CreatedAt             time.Time     `json:"created_at,omitzero"`
	LastIncidentTimestamp time.Time     `json:"last_incident_timestamp,omitzero"`
	// EscalationPolicy is the policy notified of the service's incidents
	// (in full with ServiceIncludeEscalationPolicies).
	EscalationPolicy *EscalationPolicy `json:"escalation_policy,omitempty"`
	// Teams are the teams that own the service (in full with
	// ServiceIncludeTeams).
	Teams []Team `json:"teams,omitempty"`
	// Integrations receive the service's events (in full with
	// ServiceIncludeIntegrations).
	Integrations []Integration `json:"integrations,omitempty"`
	// AlertCreation says whether events become alerts or incidents.
	AlertCreation AlertCreation `json:"alert_creation,omitempty"`
	// IncidentUrgencyRule sets the urgency of the service's new incidents.
	IncidentUrgencyRule *IncidentUrgencyRule `json:"incident_urgency_rule,omitempty"`
	// SupportHours are the hours an urgency rule of type use_support_hours
	// refers to.
	SupportHours *SupportHours `json:"support_hours,omitempty"`
	// ScheduledActions raise the urgency of open incidents when support
	// hours start.
	ScheduledActions []ScheduledAction `json:"scheduled_actions,omitempty"`
	// Addons are the add-ons (web pages) shown for the service.
	Addons []Addon `json:"addons,omitempty"`
	// AlertGroupingParameters says how alerts are grouped into incidents.
	AlertGroupingParameters *AlertGroupingParameters `json:"alert_grouping_parameters,omitempty"`
	// AlertGrouping and AlertGroupingTimeout are the older form of
	// AlertGroupingParameters ("time" or "intelligent", and minutes), still
	// reported by the API.
	AlertGrouping        string `json:"alert_grouping,omitempty"`
	AlertGroupingTimeout *int   `json:"alert_grouping_timeout,omitempty"`
	// AutoPauseNotificationsParameters pauses notifications of transient
	// alerts (in full with ServiceIncludeAutoPauseNotificationsParameters).
	AutoPauseNotificationsParameters *AutoPauseNotificationsParameters `json:"auto_pause_notifications_parameters,omitempty"`
	// ResponsePlay is the response play run on new incidents (deprecated by
	// PagerDuty in favour of incident workflows); nil when none.
	ResponsePlay *Reference `json:"response_play,omitempty"`
}

// UrgencyRuleType says whether an incident urgency rule is constant or
// depends on support hours.
type UrgencyRuleType string

// The kinds of urgency rules.
const (
	UrgencyConstant        UrgencyRuleType = "constant"
	UrgencyUseSupportHours UrgencyRuleType = "use_support_hours"
)

// IncidentUrgencyRule sets the urgency of a service's new incidents: one
// urgency (Type constant), or one during support hours and another outside
// them (Type use_support_hours).
type IncidentUrgencyRule struct {
	Type UrgencyRuleType `json:"type,omitempty"`
	// Urgency is the urgency of a constant rule: high, low or
	// severity_based.
	Urgency             Urgency              `json:"urgency,omitempty"`
	DuringSupportHours  *IncidentUrgencyType `json:"during_support_hours,omitempty"`
	OutsideSupportHours *IncidentUrgencyType `json:"outside_support_hours,omitempty"`
}

// IncidentUrgencyType is the urgency in force during or outside support
// hours.
type IncidentUrgencyType struct {
	Type    UrgencyRuleType `json:"type,omitempty"`
	Urgency Urgency         `json:"urgency,omitempty"`
}

// SupportHours are the hours of the week a service is supported.
type SupportHours struct {
	// Type is "fixed_time_per_day", the one kind the API has.
	Type string `json:"type,omitempty"`
	// TimeZone is the zone StartTime and EndTime are read in.
	TimeZone string `json:"time_zone,omitempty"`
	// DaysOfWeek are the supported days, 1 (Monday) to 7 (Sunday).
	DaysOfWeek []int `json:"days_of_week,omitempty"`
	// StartTime and EndTime are times of day, "09:00:00" and "17:00:00".
	StartTime string `json:"start_time,omitempty"`
	EndTime   string `json:"end_time,omitempty"`
}

// ScheduledAction is a change a service makes to its open incidents at a
// named time: raising their urgency when support hours start.
type ScheduledAction struct {
	// Type is "urgency_change".
	Type string `json:"type"`
	// At is when the action happens.
	At ScheduledActionTime `json:"at"`
	// ToUrgency is the urgency set (high).
	ToUrgency Urgency `json:"to_urgency"`
}

// ScheduledActionTime names a moment of a service's support hours.
type ScheduledActionTime struct {
	// Type is "named_time".
	Type string `json:"type"`
	// Name is "support_hours_start" or "support_hours_end".
	Name string `json:"name"`
}

// Addon is an add-on shown in PagerDuty's web app: a page at Src.
type Addon struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`
	Name    string `json:"name,omitempty"`
	Src     string `json:"src,omitempty"`
}

// AlertGroupingType is a way of grouping a service's alerts into incidents.
type AlertGroupingType string

// The alert grouping types.
const (
	// AlertGroupingTime groups the alerts that arrive within a time window.
	AlertGroupingTime AlertGroupingType = "time"
	// AlertGroupingIntelligent groups alerts the way responders grouped
	// similar alerts before.
	AlertGroupingIntelligent AlertGroupingType = "intelligent"
	// AlertGroupingContentBased groups alerts whose chosen fields match.
	AlertGroupingContentBased AlertGroupingType = "content_based"
)

// AlertGroupingParameters says how a service groups alerts into incidents.
// A service whose grouping is managed by the alert grouping settings API
// reports a reference instead: Type "alert_grouping_setting_reference", with
// ID, Summary, Self and HTMLURL set and no Config.
type AlertGroupingParameters struct {
	Type   AlertGroupingType    `json:"type,omitempty"`
	Config *AlertGroupingConfig `json:"config,omitempty"`

	ID      string `json:"id,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`
}

// AlertGroupingConfig configures a kind of alert grouping; each kind reads
// its own fields.
type AlertGroupingConfig struct {
	// Timeout (time grouping) is the window in minutes, 1 to 1440; 0 groups
	// until the incident is resolved.
	Timeout *int `json:"timeout,omitempty"`
	// TimeWindow (intelligent and content-based grouping) is the most
	// seconds allowed between grouped alerts, 300 to 3600 (or 86400 for
	// content-based); 0 uses RecommendedTimeWindow.
	TimeWindow *int `json:"time_window,omitempty"`
	// RecommendedTimeWindow is the window PagerDuty computed for the
	// service (read only).
	RecommendedTimeWindow *int `json:"recommended_time_window,omitempty"`
	// Aggregate (content-based grouping) is "all" when every field in
	// Fields must match, "any" when one is enough.
	Aggregate string `json:"aggregate,omitempty"`
	// Fields (content-based grouping) are the alert fields compared.
	Fields []string `json:"fields,omitempty"`
}

// AutoPauseNotificationsParameters pauses the notifications of alerts that
// usually resolve by themselves, for Timeout seconds.
type AutoPauseNotificationsParameters struct {
	Enabled bool `json:"enabled"`
	// Timeout is the pause in seconds: 120, 180, 300, 600 or 900 (0 when
	// disabled).
	Timeout int `json:"timeout,omitempty"`
	// RecommendedTimeout is the pause PagerDuty suggests (read only).
	RecommendedTimeout int `json:"recommended_timeout,omitempty"`
}

// ServiceInclude names an object that a service answer can embed in full
// (the include[] query parameter).
type ServiceInclude string

// The expansions service answers accept.
const (
	ServiceIncludeEscalationPolicies               ServiceInclude = "escalation_policies"
	ServiceIncludeTeams                            ServiceInclude = "teams"
	ServiceIncludeIntegrations                     ServiceInclude = "integrations"
	ServiceIncludeAutoPauseNotificationsParameters ServiceInclude = "auto_pause_notifications_parameters"
)

var serviceIncludes = []ServiceInclude{ServiceIncludeEscalationPolicies, ServiceIncludeTeams,
	ServiceIncludeIntegrations, ServiceIncludeAutoPauseNotificationsParameters}

// ListServicesOptions filters and pages a service listing. The zero value
// lists every service, by name, in pages of 100.
type ListServicesOptions struct {
	ListOptions

	// Query keeps services whose name contains this text.
	Query string `url:"query"`
	// Name keeps the service with exactly this name.
	Name string `url:"name"`
	// TeamIDs keeps services of these teams.
	TeamIDs []string `url:"team_ids[]"`
	// TimeZone renders times in this IANA zone.
	TimeZone string `url:"time_zone"`
	// SortBy is "name", "name:asc" or "name:desc".
	SortBy string `url:"sort_by"`
	// Includes embeds these objects in full.
	Includes []ServiceInclude `url:"include[]"`
}

func (o *ListServicesOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, serviceIncludes...); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOfIfSet("SortBy", o.SortBy, "name", "name:asc", "name:desc"); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the services that match opts, fetching pages as the loop
// asks for them; breaking out of the loop stops fetching.
//
// OAuth scope services.read.
func (s *ServicesService) List(ctx context.Context, opts *ListServicesOptions) iter.Seq2[Service, error] {
	return offsetSeqAt[Service](ctx, s.client, "/services", "services", opts.query)
}

// ListPage returns one page of the services that match opts, at
// opts.Offset, with the pagination facts (More, and Total when opts.Total
// is set).
//
// OAuth scope services.read.
func (s *ServicesService) ListPage(ctx context.Context, opts *ListServicesOptions) (*Page[Service], error) {
	return offsetPageAt[Service](ctx, s.client, "/services", "services", opts.query)
}

// GetServiceOptions selects what a service answer embeds.
type GetServiceOptions struct {
	// Includes embeds these objects in full.
	Includes []ServiceInclude `url:"include[]"`
}

// Get returns the service with the given ID.
//
// OAuth scope services.read.
func (s *ServicesService) Get(ctx context.Context, id string, opts *GetServiceOptions) (*Service, error) {
	return getIncluding[Service](ctx, s.client, "/services/{id}", "service", []string{id}, opts,
		func(o *GetServiceOptions) []ServiceInclude { return o.Includes }, serviceIncludes...)
}

// Create adds a service and returns it. p needs Name and
// EscalationPolicyID.
//
// OAuth scope services.write.
func (s *ServicesService) Create(ctx context.Context, p *ServiceParams) (*Service, error) {
	return writeAt[Service](ctx, s.client, "POST", "/services", "service", func() (*serviceWire, error) { return p.wire(true) })
}

// Update changes the service with the given ID and returns it as it is
// now. Only the fields set in p are sent; the others keep their values.
//
// OAuth scope services.write.
func (s *ServicesService) Update(ctx context.Context, id string, p *ServiceParams) (*Service, error) {
	return writeAt[Service](ctx, s.client, "PUT", "/services/{id}", "service", func() (*serviceWire, error) { return p.wire(false) }, id)
}

// Delete removes the service with the given ID, with its integrations and
// incidents. It cannot be undone.
//
// OAuth scope services.write.
func (s *ServicesService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/services/{id}", id)
}

// checkServiceFields validates the enums of a service write.
func checkServiceFields(p *ServiceParams) error {
	if err := oneOfIfSet("Status", p.Status, ServiceActive, ServiceDisabled, ServiceMaintenance, ServiceWarning, ServiceCritical); err != nil {
		return err
	}
	if err := oneOfIfSet("AlertCreation", p.AlertCreation, CreateIncidents, CreateAlertsAndIncidents); err != nil {
		return err
	}
	for name, t := range map[string]*int{"AutoResolveTimeout": p.AutoResolveTimeout, "AcknowledgementTimeout": p.AcknowledgementTimeout} {
		if t != nil && *t < 0 {
			return fmt.Errorf("pagerduty: %s %d is negative: use seconds, or 0 to turn the timeout off", name, *t)
		}
	}
	if r := p.IncidentUrgencyRule; r != nil {
		if err := checkUrgencyRule(r); err != nil {
			return err
		}
	}
	if g := p.AlertGroupingParameters; g != nil {
		if err := checkAlertGrouping(g); err != nil {
			return err
		}
	}
	if a := p.AutoPauseNotificationsParameters; a != nil && a.Enabled {
		if err := oneOf("AutoPauseNotificationsParameters.Timeout", []string{fmt.Sprint(a.Timeout)}, "120", "180", "300", "600", "900"); err != nil {
			return err
		}
	}
	for i, a := range p.ScheduledActions {
		if err := oneOf(fmt.Sprintf("ScheduledActions[%d].At.Name", i), []string{a.At.Name}, "support_hours_start", "support_hours_end"); err != nil {
			return err
		}
	}
	return nil
}

func checkUrgencyRule(r *IncidentUrgencyRule) error {
	if err := oneOf("IncidentUrgencyRule.Type", []UrgencyRuleType{r.Type}, UrgencyConstant, UrgencyUseSupportHours); err != nil {
		return err
	}
	if r.Type == UrgencyUseSupportHours && (r.DuringSupportHours == nil || r.OutsideSupportHours == nil) {
		return required("IncidentUrgencyRule.DuringSupportHours and OutsideSupportHours", "a use_support_hours rule gives the urgency in and out of support hours")
	}
	if r.Type == UrgencyConstant && r.Urgency == "" {
		return required("IncidentUrgencyRule.Urgency", "a constant rule names its urgency: high, low or severity_based")
	}
	for field, u := range map[string]Urgency{"Urgency": r.Urgency, "DuringSupportHours.Urgency": urgencyOf(r.DuringSupportHours), "OutsideSupportHours.Urgency": urgencyOf(r.OutsideSupportHours)} {
		if u != "" {
			if err := oneOf("IncidentUrgencyRule."+field, []Urgency{u}, UrgencyHigh, UrgencyLow, UrgencySeverityBased); err != nil {
				return err
			}
		}
	}
	return nil
}

func urgencyOf(t *IncidentUrgencyType) Urgency {
	if t == nil {
		return ""
	}
	return t.Urgency
}

func checkAlertGrouping(g *AlertGroupingParameters) error {
	if g.Type == "" {
		return nil // no grouping
	}
	if err := oneOf("AlertGroupingParameters.Type", []AlertGroupingType{g.Type}, AlertGroupingTime, AlertGroupingIntelligent, AlertGroupingContentBased); err != nil {
		return err
	}
	c := g.Config
	if c == nil {
		return nil
	}
	if c.Timeout != nil && (*c.Timeout < 0 || *c.Timeout > 1440) {
		return fmt.Errorf("pagerduty: AlertGroupingParameters.Config.Timeout %d is out of range: 1 to 1440 minutes, or 0 to group until the incident resolves", *c.Timeout)
	}
	if c.TimeWindow != nil && *c.TimeWindow != 0 && *c.TimeWindow != 86400 && (*c.TimeWindow < 300 || *c.TimeWindow > 3600) {
		return fmt.Errorf("pagerduty: AlertGroupingParameters.Config.TimeWindow %d is out of range: 300 to 3600 seconds (86400 for content-based), or 0 for the recommended window", *c.TimeWindow)
	}
	if err := oneOfIfSet("AlertGroupingParameters.Config.Aggregate", c.Aggregate, "all", "any"); err != nil {
		return err
	}
	if g.Type == AlertGroupingContentBased && len(c.Fields) == 0 {
		return required("AlertGroupingParameters.Config.Fields", "content-based grouping compares at least one alert field")
	}
	return nil
}
