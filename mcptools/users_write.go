package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

type addContactIn struct {
	User        string `json:"user" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"Whose contact method: \"me\", an ID, a name or an email."`
	Type        string `json:"type" jsonschema:"required,enum=email,enum=phone,enum=sms" jsonschema_description:"email, phone (voice calls) or sms."`
	Address     string `json:"address" jsonschema:"required,minLength=1,maxLength=100" jsonschema_description:"The email address, or the phone number without its country code."`
	CountryCode int    `json:"country_code,omitempty" jsonschema:"minimum=1,maximum=1999" jsonschema_description:"For phone and sms: the country calling code, such as 1 (US) or 44 (UK)."`
	Label       string `json:"label,omitempty" jsonschema:"maxLength=100" jsonschema_description:"A name for it, such as Mobile (default Mobile for phones, Work for email)."`
	NotifyFor   string `json:"notify_for,omitempty" jsonschema:"enum=high,enum=low" jsonschema_description:"Also notify through it for incidents of this urgency (a notification rule)."`
	NotifyAfter int    `json:"notify_after_minutes,omitempty" jsonschema:"minimum=0,maximum=1440" jsonschema_description:"With notify_for: minutes after assignment before this notification (default 0)."`
}

// ContactMethodAdded is a new contact method, and its notification rule
// when one was asked for.
type ContactMethodAdded struct {
	User          string        `json:"user_id"`
	ContactMethod ContactMethod `json:"contact_method"`
	// RuleID is the notification rule created with it, if any.
	RuleID string `json:"notification_rule_id,omitempty"`
}

func (a *ContactMethodAdded) text() string {
	m := a.ContactMethod
	s := fmt.Sprintf("Added %s %s %q (%s) to user %s.", strings.TrimSuffix(m.Type, "_contact_method"), m.Label, m.Address, m.ID, a.User)
	if a.RuleID != "" {
		s += " It is notified by rule " + a.RuleID + "."
	}
	return s
}

var addContactMethod = &tool[addContactIn, *ContactMethodAdded]{
	spec: spec{
		name:    "add_contact_method",
		title:   "Add a contact method",
		toolset: ToolsetUsers,
		write:   true,
		description: `Adds an email address, a phone number (voice) or an SMS number to a user, and with notify_for a notification rule that uses it for incidents of that urgency ("text me for high-urgency incidents").
PagerDuty cannot send test notifications through the API: the user checks the new method in the app.`,
		notFound: "list_users",
	},
	handler: func(ctx context.Context, c *call, in addContactIn) (*ContactMethodAdded, error) {
		typ := map[string]pagerduty.ContactMethodType{"email": pagerduty.ContactMethodEmail, "phone": pagerduty.ContactMethodPhone, "sms": pagerduty.ContactMethodSMS}[in.Type]
		if in.Type != "email" && in.CountryCode == 0 {
			return nil, argError("country_code", "a %s number needs its country calling code, such as 1 or 44", in.Type)
		}
		if in.Type == "email" && in.CountryCode != 0 {
			return nil, argError("country_code", "it is only for phone and sms")
		}
		if in.NotifyAfter != 0 && in.NotifyFor == "" {
			return nil, argError("notify_after_minutes", "it goes with notify_for")
		}
		label := strings.TrimSpace(in.Label)
		if label == "" {
			label = map[string]string{"email": "Work", "phone": "Mobile", "sms": "Mobile"}[in.Type]
		}
		user, err := resolveUser(ctx, c, "user", in.User)
		if err != nil {
			return nil, err
		}
		m, err := c.client.Users.CreateContactMethod(ctx, user, &pagerduty.ContactMethodParams{Type: typ, Label: label,
			Address: strings.TrimSpace(in.Address), CountryCode: in.CountryCode})
		if err != nil {
			return nil, err
		}
		out := &ContactMethodAdded{User: user, ContactMethod: ContactMethod{ID: m.ID, Type: string(m.Type), Label: m.Label, Address: contactAddress(m)}}
		if in.NotifyFor != "" {
			r, err := c.client.Users.CreateNotificationRule(ctx, user, &pagerduty.NotificationRuleParams{
				StartDelayInMinutes: in.NotifyAfter, ContactMethod: m.Ref(), Urgency: pagerduty.Urgency(in.NotifyFor)})
			if err != nil {
				return nil, fmt.Errorf("the contact method %s was added, but its notification rule was not: %w", m.ID, err)
			}
			out.RuleID = r.ID
		}
		return out, nil
	},
}

type createUserIn struct {
	Name     string `json:"name" jsonschema:"required,minLength=1,maxLength=100" jsonschema_description:"The person's full name."`
	Email    string `json:"email" jsonschema:"required,minLength=3,maxLength=254" jsonschema_description:"Their email address; PagerDuty sends the invitation there."`
	Role     string `json:"role,omitempty" jsonschema:"enum=user,enum=limited_user,enum=observer,enum=admin,enum=read_only_user" jsonschema_description:"Their role in the account (default user)."`
	TimeZone string `json:"time_zone,omitempty" jsonschema:"maxLength=64" jsonschema_description:"IANA zone such as Europe/Berlin (default: the account's)."`
	JobTitle string `json:"job_title,omitempty" jsonschema:"maxLength=100" jsonschema_description:"Their job title."`
	Team     string `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Add them to this team as a responder: its ID or name."`
}

// UserCreated is a new user, and the team they joined.
type UserCreated struct {
	User
	// JoinedTeam is the team they were added to, if one was asked for.
	JoinedTeam string `json:"joined_team_id,omitempty"`
}

func (u *UserCreated) text() string {
	s := "Created user " + u.line() + "; PagerDuty emailed them an invitation."
	if u.JoinedTeam != "" {
		s += " They joined team " + u.JoinedTeam + " as a responder."
	}
	return s + " Add their phone with add_contact_method."
}

var createUser = &tool[createUserIn, *UserCreated]{
	spec: spec{
		name:    "create_user",
		title:   "Create a user",
		toolset: ToolsetUsers,
		write:   true,
		description: `Adds a person to the account (PagerDuty emails them an invitation), optionally to a team as a responder.
For onboarding, follow with add_contact_method for their phone, and create_schedule_override or a schedule to put them on call.`,
		notFound: "list_teams",
	},
	handler: func(ctx context.Context, c *call, in createUserIn) (*UserCreated, error) {
		email := strings.TrimSpace(in.Email)
		if at := strings.IndexByte(email, '@'); at < 1 || at == len(email)-1 {
			return nil, argError("email", "%q is not an email address", truncate(email, 60))
		}
		if in.TimeZone != "" {
			if _, err := time.LoadLocation(in.TimeZone); err != nil || in.TimeZone == "Local" {
				return nil, argError("time_zone", "%q is not an IANA time zone such as Europe/Berlin", truncate(in.TimeZone, 40))
			}
		}
		p := &pagerduty.UserParams{Name: strings.TrimSpace(in.Name), Email: email, Role: pagerduty.UserRole(in.Role), TimeZone: in.TimeZone}
		if jt := strings.TrimSpace(in.JobTitle); jt != "" {
			p.JobTitle = &jt
		}
		var team string
		if in.Team != "" {
			var err error
			if team, err = resolveTeam(ctx, c, "team", in.Team); err != nil {
				return nil, err
			}
		}
		_, p.From = actor(ctx, c)
		u, err := c.client.Users.Create(ctx, p)
		if err != nil {
			return nil, err
		}
		out := &UserCreated{User: trimUser(u)}
		if team != "" {
			if err := c.client.Teams.AddUser(ctx, team, u.ID, pagerduty.TeamRoleResponder); err != nil {
				return nil, fmt.Errorf("user %s was created, but not added to team %s: %w", u.ID, team, err)
			}
			out.JoinedTeam = team
		}
		return out, nil
	},
}
