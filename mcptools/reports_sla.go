package mcptools

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pdkit/pdkit/insights"
)

type slaIn struct {
	Since              string  `json:"since,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window start (default 30d): RFC 3339, a date, or a duration ago (30d, 12w)."`
	Until              string  `json:"until,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Window end (default now); at most 180 days after since."`
	Service            string  `json:"service,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this service (ID or name)."`
	Team               string  `json:"team,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Only this team (ID or name)."`
	AckMinutes         float64 `json:"ack_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Acknowledge target in minutes (0: none)."`
	ResolveMinutes     float64 `json:"resolve_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Resolve target in minutes (0: none)."`
	HighAckMinutes     float64 `json:"high_ack_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"High-urgency acknowledge target in minutes (replaces the general targets for them)."`
	HighResolveMinutes float64 `json:"high_resolve_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"High-urgency resolve target in minutes."`
	LowAckMinutes      float64 `json:"low_ack_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Low-urgency acknowledge target in minutes (replaces the general targets for them)."`
	LowResolveMinutes  float64 `json:"low_resolve_minutes,omitempty" jsonschema:"minimum=0,maximum=525600" jsonschema_description:"Low-urgency resolve target in minutes."`
}

// slaTargets builds the targets from minute arguments; ok is false when
// none is set. Each value must be a finite, non-negative number of minutes
// of at most a year.
func slaTargets(ack, resolve, highAck, highResolve, lowAck, lowResolve float64, prefix string) (*insights.SLATargets, error) {
	vals := []struct {
		arg string
		v   float64
	}{
		{"ack_minutes", ack}, {"resolve_minutes", resolve}, {"high_ack_minutes", highAck},
		{"high_resolve_minutes", highResolve}, {"low_ack_minutes", lowAck}, {"low_resolve_minutes", lowResolve},
	}
	some := false
	for _, x := range vals {
		if math.IsNaN(x.v) || math.IsInf(x.v, 0) || x.v < 0 || x.v > 525600 {
			return nil, argError(prefix+x.arg, "%v is not a target: give minutes from 0 (no target) to 525600 (a year)", x.v)
		}
		if x.v > 0 {
			some = true
		}
	}
	if !some {
		return nil, nil
	}
	dur := func(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }
	t := &insights.SLATargets{Default: insights.Target{Acknowledge: dur(ack), Resolve: dur(resolve)}}
	if highAck > 0 || highResolve > 0 {
		t.ByUrgency = map[string]insights.Target{}
		t.ByUrgency["high"] = insights.Target{Acknowledge: dur(highAck), Resolve: dur(highResolve)}
	}
	if lowAck > 0 || lowResolve > 0 {
		if t.ByUrgency == nil {
			t.ByUrgency = map[string]insights.Target{}
		}
		t.ByUrgency["low"] = insights.Target{Acknowledge: dur(lowAck), Resolve: dur(lowResolve)}
	}
	return t, nil
}

// SLACompliance is the compliance of incidents with response targets.
type SLACompliance struct {
	Data ReportData `json:"data"`
	// Targets are the targets applied.
	Targets SLATargetMinutes `json:"targets"`
	*insights.SLAReport
}

// SLATargetMinutes restates the targets in minutes (0: none).
type SLATargetMinutes struct {
	AckMinutes         float64 `json:"ack_minutes"`
	ResolveMinutes     float64 `json:"resolve_minutes"`
	HighAckMinutes     float64 `json:"high_ack_minutes,omitempty"`
	HighResolveMinutes float64 `json:"high_resolve_minutes,omitempty"`
	LowAckMinutes      float64 `json:"low_ack_minutes,omitempty"`
	LowResolveMinutes  float64 `json:"low_resolve_minutes,omitempty"`
}

// maxBreachLines bounds the breaches the text lists (the structured
// content keeps them all).
const maxBreachLines = 10

func complianceLine(c insights.SLACompliance) string {
	if c.Met+c.Breached == 0 {
		return fmt.Sprintf("no decided incident (%d pending)", c.Pending)
	}
	return fmt.Sprintf("%.1f%% (%d met, %d breached, %d pending)", c.Rate, c.Met, c.Breached, c.Pending)
}

func (s *SLACompliance) text() string {
	var b strings.Builder
	b.WriteString(s.Data.header("SLA compliance"))
	t := s.Targets
	fmt.Fprintf(&b, "\nTargets (minutes; 0 = none): acknowledge %g, resolve %g", t.AckMinutes, t.ResolveMinutes)
	if t.HighAckMinutes > 0 || t.HighResolveMinutes > 0 {
		fmt.Fprintf(&b, "; high urgency %g / %g", t.HighAckMinutes, t.HighResolveMinutes)
	}
	if t.LowAckMinutes > 0 || t.LowResolveMinutes > 0 {
		fmt.Fprintf(&b, "; low urgency %g / %g", t.LowAckMinutes, t.LowResolveMinutes)
	}
	fmt.Fprintf(&b, "\nOverall: %d of %s met every target (%.1f%% of those decided).", s.Compliant, plural(s.Incidents, "incident"), s.Rate)
	b.WriteString("\nAcknowledge: " + complianceLine(s.Acknowledge))
	b.WriteString("\nResolve: " + complianceLine(s.Resolve))
	for _, sv := range s.Services {
		fmt.Fprintf(&b, "\nService %s: acknowledge %s; resolve %s", groupName(sv.ID, sv.Name), complianceLine(sv.Acknowledge), complianceLine(sv.Resolve))
	}
	if len(s.Breaches) > 0 {
		word := "breaches"
		if len(s.Breaches) == 1 {
			word = "breach"
		}
		fmt.Fprintf(&b, "\n%d %s, largest overrun first:", len(s.Breaches), word)
		for i, br := range s.Breaches {
			if i == maxBreachLines {
				fmt.Fprintf(&b, "\n... and %d more (all are in the structured content)", len(s.Breaches)-i)
				break
			}
			label := br.IncidentID
			if br.Number > 0 {
				label = fmt.Sprintf("#%d", br.Number)
			}
			ongoing := ""
			if br.Ongoing {
				ongoing = ", still open"
			}
			fmt.Fprintf(&b, "\n%s %s (%s): %s took %.1f min against %.1f (%s), %.1f over%s",
				label, truncate(br.Title, 60), br.Service, br.Kind, br.ActualMinutes, br.TargetMinutes, br.TargetFrom, br.OverMinutes, ongoing)
		}
	}
	b.WriteString(s.Data.footer(s.Method))
	return b.String()
}

var getSLACompliance = &tool[slaIn, *SLACompliance]{
	spec: spec{
		name:    "get_sla_compliance",
		title:   "SLA compliance report",
		toolset: ToolsetAnalytics,
		description: `SLA compliance of incidents created in a window (default 30 days) with acknowledge and resolve targets given in minutes, optionally per urgency: rates overall and per service, and every breach with its overrun.
Method: urgency targets if given, else the general ones; met when time to first acknowledgement (or resolution) is at most the target; open incidents past a target are breaches, else pending; rate = met / (met + breached). From incidents and log entries (at most 5000/25000; says when capped).`,
		notFound: "list_services or list_teams",
	},
	handler: func(ctx context.Context, c *call, in slaIn) (*SLACompliance, error) {
		q, err := reportFilter{since: in.Since, until: in.Until, service: in.Service, team: in.Team}.check(c)
		if err != nil {
			return nil, err
		}
		targets, err := slaTargets(in.AckMinutes, in.ResolveMinutes, in.HighAckMinutes, in.HighResolveMinutes, in.LowAckMinutes, in.LowResolveMinutes, "")
		if err != nil {
			return nil, err
		}
		if targets == nil {
			return nil, argError("ack_minutes", "no target given: set ack_minutes or resolve_minutes (or the high_/low_ urgency ones) to a number of minutes")
		}
		if err := (reportFilter{service: in.Service, team: in.Team}).resolve(ctx, c, &q); err != nil {
			return nil, err
		}
		d, err := loadReportData(ctx, c, q)
		if err != nil {
			return nil, err
		}
		rep, err := insights.SLA(d.incidents, *targets, d.incidentOptions())
		if err != nil {
			return nil, reportError(err)
		}
		return &SLACompliance{Data: d.info(q), SLAReport: rep, Targets: SLATargetMinutes{
			AckMinutes: in.AckMinutes, ResolveMinutes: in.ResolveMinutes, HighAckMinutes: in.HighAckMinutes,
			HighResolveMinutes: in.HighResolveMinutes, LowAckMinutes: in.LowAckMinutes, LowResolveMinutes: in.LowResolveMinutes}}, nil
	},
}
