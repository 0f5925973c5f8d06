package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// OnCallsService lists on-call entries: who is on call, from when until
// when, for which escalation policy and level, through which schedule.
type OnCallsService service

// OnCall is one on-call entry: a user on call at a level of an escalation
// policy, through a schedule or directly, for a period.
type OnCall struct {
	// User is who is on call (in full with IncludeOnCallUsers).
	User *User `json:"user"`
	// EscalationPolicy is the policy (in full with
	// IncludeOnCallEscalationPolicies).
	EscalationPolicy *EscalationPolicy `json:"escalation_policy"`
	// Schedule is the schedule that puts the user on call, or nil when the
	// policy targets the user directly (in full with
	// IncludeOnCallSchedules).
	Schedule *Schedule `json:"schedule,omitempty"`
	// EscalationLevel is the level of the policy, from 1.
	EscalationLevel int `json:"escalation_level"`
	// Start and End bound the period; both are zero for a user the policy
	// targets directly, who is on call permanently.
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
}

// OnCallInclude names what an on-call listing can embed in full.
type OnCallInclude string

// The expansions on-call listings accept.
const (
	IncludeOnCallEscalationPolicies OnCallInclude = "escalation_policies"
	IncludeOnCallUsers              OnCallInclude = "users"
	IncludeOnCallSchedules          OnCallInclude = "schedules"
)

// ListOnCallsOptions filters and pages an on-call listing. The zero value
// lists who is on call now, for every policy.
type ListOnCallsOptions struct {
	ListOptions

	// TimeZone renders times in this IANA zone (default: the account's).
	TimeZone string `url:"time_zone"`
	// Includes embeds these objects in full.
	Includes []OnCallInclude `url:"include[]"`
	// UserIDs, EscalationPolicyIDs and ScheduleIDs keep the entries of
	// these users, policies and schedules.
	UserIDs             []string `url:"user_ids[]"`
	EscalationPolicyIDs []string `url:"escalation_policy_ids[]"`
	ScheduleIDs         []string `url:"schedule_ids[]"`
	// Since and Until keep the entries that overlap this period (default:
	// now). The API looks at most 90 days ahead.
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// Earliest keeps only the first entry of each combination of policy,
	// level and user: when each is next on call.
	Earliest bool `url:"earliest"`
}

func (o *ListOnCallsOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOf("Includes", o.Includes, IncludeOnCallEscalationPolicies, IncludeOnCallUsers, IncludeOnCallSchedules); err != nil {
		return nil, ListOptions{}, err
	}
	for _, f := range []struct {
		name string
		ids  []string
	}{{"UserIDs", o.UserIDs}, {"EscalationPolicyIDs", o.EscalationPolicyIDs}, {"ScheduleIDs", o.ScheduleIDs}} {
		if err := checkIDs(f.name, f.ids); err != nil {
			return nil, ListOptions{}, err
		}
	}
	if !o.Since.IsZero() && !o.Until.IsZero() && o.Until.Before(o.Since) {
		return nil, ListOptions{}, fmt.Errorf("pagerduty: Until (%s) is before Since (%s)", o.Until.Format(time.RFC3339), o.Since.Format(time.RFC3339))
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the on-call entries that match opts, fetching pages as the
// loop asks for them; breaking out of the loop stops fetching.
//
//	for oc, err := range c.OnCalls.List(ctx, &pagerduty.ListOnCallsOptions{
//		EscalationPolicyIDs: []string{"PABC123"},
//	}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(oc.EscalationLevel, oc.User.Summary)
//	}
//
// OAuth scope oncalls.read.
func (s *OnCallsService) List(ctx context.Context, opts *ListOnCallsOptions) iter.Seq2[OnCall, error] {
	q, lo, err := opts.query()
	if err != nil {
		return errSeq[OnCall](err)
	}
	return offsetSeq[OnCall](ctx, s.client, "/oncalls", "oncalls", q, lo)
}

// ListPage returns one page of the on-call entries that match opts, at
// opts.Offset, with the pagination facts.
//
// OAuth scope oncalls.read.
func (s *OnCallsService) ListPage(ctx context.Context, opts *ListOnCallsOptions) (*Page[OnCall], error) {
	q, lo, err := opts.query()
	if err != nil {
		return nil, err
	}
	return offsetPage[OnCall](ctx, s.client, "/oncalls", "oncalls", q, lo)
}
