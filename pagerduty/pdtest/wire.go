package pdtest

import (
	"net/http"
	"strconv"
	"time"
)

// htmlBase is where html_url links point: the server has no web app, so
// they name a host that cannot resolve.
const htmlBase = "https://pdtest.example"

// rc renders model values in the REST API's JSON shapes for one request.
type rc struct {
	plainRC *rc // the same without expansions, for nested objects
	st      *state
	base    string         // REST base URL, for "self" links
	loc     *time.Location // time zone of rendered times
	include map[string]bool
}

func newRC(st *state, r *http.Request, loc *time.Location, include []string) *rc {
	// Links use the scheme and host the request came with: a handler
	// called in process (through a RoundTripper) sees the client's URL.
	scheme := "http"
	if r.TLS != nil || r.URL.Scheme == "https" {
		scheme = "https"
	}
	if loc == nil {
		loc = time.UTC
	}
	c := &rc{st: st, base: scheme + "://" + r.Host, loc: loc, include: map[string]bool{}}
	for _, s := range include {
		c.include[s] = true
	}
	return c
}

// plain returns a renderer without include[] expansions: objects nested
// in an expanded object stay references, so expansions never recurse.
func (c *rc) plain() *rc {
	if len(c.include) == 0 {
		return c
	}
	if c.plainRC == nil {
		c.plainRC = &rc{st: c.st, base: c.base, loc: c.loc, include: map[string]bool{}}
	}
	return c.plainRC
}

func (c *rc) ts(t time.Time) string { return t.In(c.loc).Format(time.RFC3339) }

func (c *rc) tsp(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := c.ts(*t)
	return &s
}

// wRef is a reference to another object.
type wRef struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary"`
	Self    string `json:"self"`
	HTMLURL string `json:"html_url"`
}

func (c *rc) ref(typ, path, id, summary string) wRef {
	return wRef{ID: id, Type: typ, Summary: summary, Self: c.base + "/" + path + "/" + id, HTMLURL: htmlBase + "/" + path + "/" + id}
}

// nameOr returns the name of the object byID holds under id, or id itself
// when there is none: a reference to a deleted object still names it.
func nameOr[T any](byID map[string]*T, id string, name func(*T) string) string {
	if v := byID[id]; v != nil {
		return name(v)
	}
	return id
}

func (c *rc) userRef(id string) wRef {
	return c.ref("user_reference", "users", id, nameOr(c.st.userByID, id, func(u *User) string { return u.Name }))
}

func (c *rc) teamRef(id string) wRef {
	return c.ref("team_reference", "teams", id, nameOr(c.st.teamByID, id, func(t *Team) string { return t.Name }))
}

func (c *rc) serviceRef(id string) wRef {
	name := nameOr(c.st.svcByID, id, func(s *Service) string { return s.Name })
	return wRef{ID: id, Type: "service_reference", Summary: name, Self: c.base + "/services/" + id, HTMLURL: htmlBase + "/service-directory/" + id}
}

func (c *rc) epRef(id string) wRef {
	return c.ref("escalation_policy_reference", "escalation_policies", id, nameOr(c.st.epByID, id, func(e *EscalationPolicy) string { return e.Name }))
}

func (c *rc) scheduleRef(id string) wRef {
	return c.ref("schedule_reference", "schedules", id, nameOr(c.st.schedByID, id, func(s *Schedule) string { return s.Name }))
}

// orRef renders the object byID holds under id in full, with its own
// references left plain, when the request named include in include[] and
// the object exists; otherwise it answers ref(id).
func orRef[T, W any](c *rc, include string, byID map[string]*T, id string, full func(*rc, *T) W, ref func(string) wRef) any {
	if v := byID[id]; v != nil && c.include[include] {
		return full(c.plain(), v)
	}
	return ref(id)
}

func (c *rc) userOrRef(include, id string) any {
	return orRef(c, include, c.st.userByID, id, (*rc).user, c.userRef)
}

func (c *rc) teamOrRef(id string) any {
	return orRef(c, "teams", c.st.teamByID, id, (*rc).team, c.teamRef)
}

func (c *rc) serviceOrRef(id string) any {
	return orRef(c, "services", c.st.svcByID, id, (*rc).service, c.serviceRef)
}

func (c *rc) epOrRef(id string) any {
	return orRef(c, "escalation_policies", c.st.epByID, id, (*rc).escalationPolicy, c.epRef)
}

func (c *rc) scheduleOrRef(include, id string) any {
	return orRef(c, include, c.st.schedByID, id, func(c *rc, s *Schedule) wSchedule { return c.schedule(s, nil) }, c.scheduleRef)
}

// teamsOrRefs renders each team of ids as teamOrRef does (an empty list
// for none).
func (c *rc) teamsOrRefs(ids []string) []any {
	out := make([]any, 0, len(ids))
	for _, id := range ids {
		out = append(out, c.teamOrRef(id))
	}
	return out
}

func (c *rc) incidentRef(inc *Incident) wRef {
	return c.ref("incident_reference", "incidents", inc.ID, incidentSummary(inc))
}

func incidentSummary(inc *Incident) string {
	return "[#" + strconv.Itoa(inc.Number) + "] " + inc.Title
}

func (c *rc) agentRef(a Agent) wRef {
	switch a.Type {
	case "service":
		return c.serviceRef(a.ID)
	case "integration":
		return wRef{ID: a.ID, Type: "integration_reference", Summary: "Events API v2", Self: c.base + "/integrations/" + a.ID, HTMLURL: htmlBase + "/integrations/" + a.ID}
	default:
		return c.userRef(a.ID)
	}
}

// wUser is a user.
type wUser struct {
	wRef                     // id, type, summary and links, first as the API sends them
	Name              string `json:"name"`
	Email             string `json:"email"`
	TimeZone          string `json:"time_zone"`
	Color             string `json:"color"`
	Role              string `json:"role"`
	AvatarURL         string `json:"avatar_url"`
	Description       string `json:"description"`
	InvitationSent    bool   `json:"invitation_sent"`
	JobTitle          string `json:"job_title"`
	Teams             []any  `json:"teams"`
	ContactMethods    []any  `json:"contact_methods"`
	NotificationRules []any  `json:"notification_rules"`
}

func (c *rc) user(u *User) wUser {
	w := wUser{wRef: c.ref("user", "users", u.ID, u.Name),
		Name: u.Name, Email: u.Email, TimeZone: orDefault(u.TimeZone, "Etc/UTC"), Color: orDefault(u.Color, "purple"),
		Role: orDefault(u.Role, "user"), AvatarURL: htmlBase + "/avatars/" + u.ID + ".png", Description: u.Description,
		JobTitle: u.JobTitle, Teams: []any{}, ContactMethods: []any{}, NotificationRules: []any{}}
	for _, t := range c.st.teamsOfUser(u.ID) {
		if c.include["teams"] {
			w.Teams = append(w.Teams, c.plain().team(t))
		} else {
			w.Teams = append(w.Teams, c.teamRef(t.ID))
		}
	}
	for i := range u.ContactMethods {
		cm := &u.ContactMethods[i]
		if c.include["contact_methods"] {
			w.ContactMethods = append(w.ContactMethods, c.contactMethod(u, cm))
		} else {
			w.ContactMethods = append(w.ContactMethods, c.contactMethodRef(u, cm))
		}
	}
	for i := range u.NotificationRules {
		nr := &u.NotificationRules[i]
		if c.include["notification_rules"] {
			w.NotificationRules = append(w.NotificationRules, c.notificationRule(u, nr))
		} else {
			w.NotificationRules = append(w.NotificationRules, c.ref("assignment_notification_rule_reference", "users/"+u.ID+"/notification_rules", nr.ID, notificationRuleSummary(u, nr)))
		}
	}
	return w
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// wTeam is a team.
type wTeam struct {
	wRef               // id, type, summary and links, first as the API sends them
	Name        string `json:"name"`
	Description string `json:"description"`
	DefaultRole string `json:"default_role"`
}

func (c *rc) team(t *Team) wTeam {
	return wTeam{wRef: c.ref("team", "teams", t.ID, t.Name),
		Name: t.Name, Description: t.Description, DefaultRole: "manager"}
}

// wContactMethod is a contact method.
type wContactMethod struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	Summary     string  `json:"summary"`
	Self        string  `json:"self"`
	HTMLURL     *string `json:"html_url"`
	Label       string  `json:"label"`
	Address     string  `json:"address"`
	CountryCode int     `json:"country_code,omitempty"`
}

func (c *rc) contactMethod(u *User, cm *ContactMethod) wContactMethod {
	return wContactMethod{ID: cm.ID, Type: cm.Type, Summary: cm.Label, Self: c.base + "/users/" + u.ID + "/contact_methods/" + cm.ID,
		Label: cm.Label, Address: cm.Address, CountryCode: cm.CountryCode}
}

func (c *rc) contactMethodRef(u *User, cm *ContactMethod) wRef {
	r := c.ref(cm.Type+"_reference", "users/"+u.ID+"/contact_methods", cm.ID, cm.Label)
	r.HTMLURL = ""
	return r
}

// wNotificationRule is a notification rule.
type wNotificationRule struct {
	ID                  string  `json:"id"`
	Type                string  `json:"type"`
	Summary             string  `json:"summary"`
	Self                string  `json:"self"`
	HTMLURL             *string `json:"html_url"`
	StartDelayInMinutes int     `json:"start_delay_in_minutes"`
	ContactMethod       any     `json:"contact_method"`
	Urgency             string  `json:"urgency"`
}

func notificationRuleSummary(u *User, nr *NotificationRule) string {
	label := nr.ContactMethodID
	for _, cm := range u.ContactMethods {
		if cm.ID == nr.ContactMethodID {
			label = cm.Label
		}
	}
	return strconv.Itoa(nr.StartDelayInMinutes) + " minutes: channel " + label
}

func (c *rc) notificationRule(u *User, nr *NotificationRule) wNotificationRule {
	w := wNotificationRule{ID: nr.ID, Type: "assignment_notification_rule", Summary: notificationRuleSummary(u, nr),
		Self: c.base + "/users/" + u.ID + "/notification_rules/" + nr.ID, StartDelayInMinutes: nr.StartDelayInMinutes, Urgency: nr.Urgency}
	for i := range u.ContactMethods {
		if cm := &u.ContactMethods[i]; cm.ID == nr.ContactMethodID {
			if c.include["contact_methods"] {
				w.ContactMethod = c.contactMethod(u, cm)
			} else {
				w.ContactMethod = c.contactMethodRef(u, cm)
			}
		}
	}
	return w
}

// wPriority is a priority.
type wPriority struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	Summary     string  `json:"summary"`
	Self        string  `json:"self"`
	HTMLURL     *string `json:"html_url"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Order       int     `json:"order"`
	Color       string  `json:"color"`
}

var priorityColors = []string{"a8171c", "eb6016", "f9b406", "b8d45f", "3c9dbf"}

func (c *rc) priority(p *Priority) wPriority {
	color := "6f6f6f"
	if n := len(c.st.prios); n > 0 {
		for i, q := range c.st.prios {
			if q == p && i < len(priorityColors) {
				color = priorityColors[i]
			}
		}
	}
	return wPriority{ID: p.ID, Type: "priority", Summary: p.Name, Self: c.base + "/priorities/" + p.ID,
		Name: p.Name, Description: p.Description, Order: p.Order, Color: color}
}

// wEscalationPolicy is an escalation policy.
type wEscalationPolicy struct {
	wRef                                         // id, type, summary and links, first as the API sends them
	Name                       string            `json:"name"`
	Description                string            `json:"description"`
	NumLoops                   int               `json:"num_loops"`
	OnCallHandoffNotifications string            `json:"on_call_handoff_notifications"`
	EscalationRules            []wEscalationRule `json:"escalation_rules"`
	Services                   []any             `json:"services"`
	Teams                      []any             `json:"teams"`
}

type wEscalationRule struct {
	ID                       string `json:"id"`
	EscalationDelayInMinutes int    `json:"escalation_delay_in_minutes"`
	Targets                  []any  `json:"targets"`
}

func (c *rc) escalationPolicy(e *EscalationPolicy) wEscalationPolicy {
	w := wEscalationPolicy{wRef: c.ref("escalation_policy", "escalation_policies", e.ID, e.Name),
		Name: e.Name, Description: e.Description, NumLoops: e.NumLoops,
		OnCallHandoffNotifications: "if_has_services", EscalationRules: []wEscalationRule{}, Services: []any{}}
	for _, r := range e.Rules {
		wr := wEscalationRule{ID: r.ID, EscalationDelayInMinutes: r.EscalationDelayInMinutes, Targets: []any{}}
		for _, t := range r.Targets {
			if t.Type == "schedule" {
				wr.Targets = append(wr.Targets, c.scheduleOrRef("targets", t.ID))
			} else {
				wr.Targets = append(wr.Targets, c.userOrRef("targets", t.ID))
			}
		}
		w.EscalationRules = append(w.EscalationRules, wr)
	}
	for _, s := range c.st.services {
		if s.EscalationPolicyID == e.ID {
			if c.include["services"] {
				w.Services = append(w.Services, c.plain().service(s))
			} else {
				w.Services = append(w.Services, c.serviceRef(s.ID))
			}
		}
	}
	w.Teams = c.teamsOrRefs(e.TeamIDs)
	return w
}

// wService is a service.
type wService struct {
	wRef                                // id, type, summary and links, first as the API sends them
	Name                   string       `json:"name"`
	Description            string       `json:"description"`
	AutoResolveTimeout     *int         `json:"auto_resolve_timeout,omitempty"`
	AcknowledgementTimeout *int         `json:"acknowledgement_timeout,omitempty"`
	CreatedAt              string       `json:"created_at"`
	Status                 string       `json:"status"`
	LastIncidentTimestamp  *string      `json:"last_incident_timestamp,omitempty"`
	EscalationPolicy       any          `json:"escalation_policy"`
	Teams                  []any        `json:"teams"`
	Integrations           []any        `json:"integrations"`
	IncidentUrgencyRule    wUrgencyRule `json:"incident_urgency_rule"`
	AlertCreation          string       `json:"alert_creation"`
}

type wUrgencyRule struct {
	Type    string `json:"type"`
	Urgency string `json:"urgency"`
}

func (c *rc) service(s *Service) wService {
	w := wService{wRef: wRef{ID: s.ID, Type: "service", Summary: s.Name, Self: c.base + "/services/" + s.ID, HTMLURL: htmlBase + "/service-directory/" + s.ID},
		Name: s.Name, Description: s.Description, AutoResolveTimeout: s.AutoResolveTimeout, AcknowledgementTimeout: s.AcknowledgementTimeout,
		CreatedAt: c.ts(s.CreatedAt), Status: c.st.serviceStatus(s), Integrations: []any{},
		IncidentUrgencyRule: wUrgencyRule{Type: "constant", Urgency: "high"}, AlertCreation: "create_alerts_and_incidents"}
	if t := c.st.lastIncidentAt(s.ID); !t.IsZero() {
		w.LastIncidentTimestamp = c.tsp(&t)
	}
	w.EscalationPolicy = c.epOrRef(s.EscalationPolicyID)
	w.Teams = c.teamsOrRefs(c.st.teamIDsOfService(s))
	for i := range s.Integrations {
		in := &s.Integrations[i]
		if c.include["integrations"] {
			w.Integrations = append(w.Integrations, c.plain().integration(s, in))
		} else {
			w.Integrations = append(w.Integrations, c.integrationRef(s, in))
		}
	}
	return w
}

// wIntegration is a service integration.
type wIntegration struct {
	wRef                  // id, type, summary and links, first as the API sends them
	Name           string `json:"name"`
	Service        wRef   `json:"service"`
	CreatedAt      string `json:"created_at"`
	IntegrationKey string `json:"integration_key,omitempty"`
}

func (c *rc) integration(s *Service, in *Integration) wIntegration {
	return wIntegration{wRef: c.ref(in.Type, "services/"+s.ID+"/integrations", in.ID, in.Name),
		Name: in.Name, Service: c.serviceRef(s.ID),
		CreatedAt: c.ts(in.CreatedAt), IntegrationKey: in.Key}
}

func (c *rc) integrationRef(s *Service, in *Integration) wRef {
	r := c.ref(in.Type+"_reference", "services/"+s.ID+"/integrations", in.ID, in.Name)
	return r
}
