package insights

import (
	"cmp"
	"fmt"
	"strings"
	"time"
)

// ExecutiveInput is the data and the choices of an executive report. Only
// Window is required; sections whose input is missing are left out.
type ExecutiveInput struct {
	// Title heads the report; empty means "Incident report".
	Title  string
	Window Window
	// Truncated tells the report that the lists given are not complete;
	// the report then says so at the top.
	Truncated bool
	// TimeZone is the IANA zone dates and trend periods are shown in; UTC
	// when empty.
	TimeZone string
	// Bucket is the trend period; empty means a week.
	Bucket Bucket
	// AsOf is the time open incidents are measured to; zero means the
	// window's end.
	AsOf time.Time

	Incidents []Incident
	// Events, when given, add the escalation figures.
	Events []LogEvent
	// Services are scored for reliability even without incidents.
	Services []ServiceRef
	// Targets, when given, add SLA compliance.
	Targets *SLATargets
	// HourlyCost, when positive, adds the cost estimate, in Currency.
	HourlyCost float64
	Currency   string
	// Shifts, when given, add the on-call load; Users name the people.
	Shifts []Shift
	Users  []User
}

// Executive is an executive report: the Markdown text and the reports it
// was built from.
type Executive struct {
	Markdown    string
	Response    *ResponseReport
	Reliability *ReliabilityReport
	Noise       *NoiseReport
	SLA         *SLAReport        // nil without targets
	Cost        *CostReport       // nil without an hourly cost
	Escalation  *EscalationReport // nil without events
	Hours       *HoursReport      // nil without shifts
}

// ExecutiveReport computes the response statistics, reliability scores,
// alert noise and, when their inputs are given, SLA compliance, cost,
// escalations and on-call load over a window, and writes them as one
// Markdown report: headline numbers, a table per service, the least
// reliable services, the trend, the worst SLA breaches, the on-call load,
// and how each figure was computed. The same input always gives the same
// text.
func ExecutiveReport(in ExecutiveInput) (*Executive, error) {
	if err := in.Window.check(); err != nil {
		return nil, err
	}
	base := IncidentOptions{Window: in.Window, Truncated: in.Truncated, AsOf: in.AsOf}
	x := &Executive{}
	var err error
	if x.Response, err = ResponseStats(in.Incidents, ResponseOptions{IncidentOptions: base, Bucket: cmp.Or(in.Bucket, Week), TimeZone: in.TimeZone}); err != nil {
		return nil, err
	}
	if x.Reliability, err = Reliability(in.Incidents, ReliabilityOptions{Window: in.Window, Truncated: in.Truncated, AsOf: in.AsOf, Services: in.Services}); err != nil {
		return nil, err
	}
	if x.Noise, err = AlertNoise(in.Incidents, NoiseOptions{IncidentOptions: base}); err != nil {
		return nil, err
	}
	if in.Targets != nil {
		if x.SLA, err = SLA(in.Incidents, *in.Targets, base); err != nil {
			return nil, err
		}
	}
	if in.HourlyCost != 0 {
		if x.Cost, err = CostImpact(in.Incidents, CostOptions{IncidentOptions: base, HourlyCost: in.HourlyCost, Currency: in.Currency, Top: 5}); err != nil {
			return nil, err
		}
	}
	if in.Events != nil {
		if x.Escalation, err = Escalations(in.Incidents, in.Events, base); err != nil {
			return nil, err
		}
	}
	if in.Shifts != nil {
		if x.Hours, err = OnCallHours(in.Shifts, HoursOptions{Window: in.Window, Truncated: in.Truncated, Users: in.Users}); err != nil {
			return nil, err
		}
	}
	loc, err := zones{}.load(in.TimeZone)
	if err != nil {
		return nil, err
	}
	x.Markdown = x.markdown(cmp.Or(in.Title, "Incident report"), in, loc)
	return x, nil
}

// markdown writes the report.
func (x *Executive) markdown(title string, in ExecutiveInput, loc *time.Location) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	r := x.Response
	o := r.Overall
	const day = "2006-01-02 15:04"
	p("# %s\n\n", cell(title))
	p("%s to %s (%s). %d incidents created in the window, of %d given.\n\n",
		in.Window.Start.In(loc).Format(day), in.Window.End.In(loc).Format(day), loc, r.Data.InWindow, r.Data.Records)
	if in.Truncated {
		p("> **Partial data:** the listing stopped before the end, so these figures cover only part of the window's incidents.\n\n")
	}

	p("## Headlines\n\n| Measure | Value |\n|---|---|\n")
	p("| Incidents | %d (%d high urgency, %d still open) |\n", o.Incidents, o.HighUrgency, o.Open)
	p("| Time to acknowledge | mean %s, median %s, p90 %s (%d acknowledged) |\n",
		dur(o.TimeToAcknowledge.Mean, o.TimeToAcknowledge.Count), dur(o.TimeToAcknowledge.Median, o.TimeToAcknowledge.Count), dur(o.TimeToAcknowledge.P90, o.TimeToAcknowledge.Count), o.TimeToAcknowledge.Count)
	p("| Time to resolve | mean %s, median %s, p90 %s (%d resolved) |\n",
		dur(o.TimeToResolve.Mean, o.TimeToResolve.Count), dur(o.TimeToResolve.Median, o.TimeToResolve.Count), dur(o.TimeToResolve.P90, o.TimeToResolve.Count), o.TimeToResolve.Count)
	if o.NeverAcknowledged > 0 {
		p("| Resolved without acknowledgement | %d |\n", o.NeverAcknowledged)
	}
	if s := x.SLA; s != nil {
		p("| SLA compliance | %s (%d of %d decided incidents met every target; %s) |\n",
			pct(s.Rate, s.Incidents > 0), s.Compliant, s.Compliant+countBreachedIncidents(s), plural(len(s.Breaches), "breach", "breaches"))
	}
	n := x.Noise.Overall
	p("| Alert noise | %s of incidents noisy; %.2f alerts per incident; %s low urgency |\n",
		pct(n.NoiseRatio, n.Incidents > 0), n.AlertsPerIncident, pct(n.LowUrgencyPercent, n.Incidents > 0))
	if e := x.Escalation; e != nil {
		p("| Acknowledged at first level | %s (%s) |\n", pct(e.Overall.FirstLevelPercent, e.Overall.Incidents > 0), plural(e.Overall.Escalations, "escalation", "escalations"))
	}
	if c := x.Cost; c != nil {
		p("| Estimated cost | %s %s (%.1f responder-hours at %s per hour) |\n", money(c.Total.Cost), c.Currency, c.Total.ResponderHours, money(c.HourlyCost))
	}
	p("\n")

	p("## Services\n\n")
	if len(x.Reliability.Services) == 0 {
		p("No service had an incident.\n\n")
	} else {
		noise := map[string]NoiseGroup{}
		for _, g := range x.Noise.Services {
			noise[g.ID] = g
		}
		resp := map[string]ResponseGroup{}
		for _, g := range r.Services {
			resp[g.ID] = g
		}
		p("| Service | Score | Incidents | High | MTTA | MTTR | Noise |\n|---|---:|---:|---:|---:|---:|---:|\n")
		for _, s := range x.Reliability.Services {
			g := resp[s.ID]
			p("| %s | %.1f | %d | %d | %s | %s | %s |\n", cell(cmp.Or(s.Name, s.ID, "(no service)")), s.Score, s.Incidents, s.HighUrgency,
				dur(g.TimeToAcknowledge.Mean, g.TimeToAcknowledge.Count), dur(g.TimeToResolve.Mean, g.TimeToResolve.Count),
				pct(noise[s.ID].NoiseRatio, s.Incidents > 0))
		}
		p("\n")
		p("### Least reliable\n\n")
		shown := 0
		for _, s := range x.Reliability.Services {
			if shown == 3 || s.Score >= 100 {
				break
			}
			shown++
			p("%d. **%s**, score %.1f: %d high-urgency and %d other incidents (%.2f and %.2f per week), high-urgency incidents open %.1f h (%.2f%% of the window).\n",
				shown, cell(cmp.Or(s.Name, s.ID, "(no service)")), s.Score, s.HighUrgency, s.LowUrgency, s.HighPerWeek, s.LowPerWeek, s.ImpactHours, s.ImpactPercent)
		}
		if shown == 0 {
			p("Every service scored 100.\n")
		}
		p("\n")
	}

	p("## Trend by %s\n\n| %s | Incidents | High | MTTA | MTTR |\n|---|---:|---:|---:|---:|\n", r.Bucket, periodHeader(r.Bucket))
	for _, t := range r.Trend {
		p("| %s | %d | %d | %s | %s |\n", t.Label, t.Incidents, t.HighUrgency,
			dur(t.TimeToAcknowledge.Mean, t.TimeToAcknowledge.Count), dur(t.TimeToResolve.Mean, t.TimeToResolve.Count))
	}
	p("\n")

	if s := x.SLA; s != nil && len(s.Breaches) > 0 {
		p("## Worst SLA breaches\n\n| Incident | Service | Target | Took | Over |\n|---|---|---|---:|---:|\n")
		for _, br := range s.Breaches[:min(5, len(s.Breaches))] {
			ongoing := ""
			if br.Ongoing {
				ongoing = " (open)"
			}
			p("| %s | %s | %s %s (%s) | %s%s | %s |\n", cell(incidentLabel(br.Number, br.IncidentID, br.Title)), cell(br.Service),
				br.Kind, dur(br.TargetMinutes, 1), br.TargetFrom, dur(br.ActualMinutes, 1), ongoing, dur(br.OverMinutes, 1))
		}
		p("\n")
	}

	if c := x.Cost; c != nil && len(c.Costliest) > 0 {
		p("## Costliest incidents\n\n| Incident | Service | People | Hours | Cost |\n|---|---|---:|---:|---:|\n")
		for _, ic := range c.Costliest {
			p("| %s | %s | %d | %.1f | %s |\n", cell(incidentLabel(ic.Number, ic.IncidentID, ic.Title)), cell(ic.Service), ic.People, ic.Hours, money(ic.Cost))
		}
		p("\n")
	}

	if h := x.Hours; h != nil {
		p("## On-call load\n\n| Person | Hours | Night | Weekend | Shifts | vs mean |\n|---|---:|---:|---:|---:|---:|\n")
		for _, ph := range h.People {
			p("| %s | %.1f | %.1f | %.1f | %d | %+.1f |\n", cell(cmp.Or(ph.UserName, ph.UserID)), ph.Hours, ph.NightHours, ph.WeekendHours, ph.Shifts, ph.Deviation)
		}
		p("\nMean %.1f h, standard deviation %.1f h, spread %.1f h over %d people.\n\n", h.Balance.Mean, h.Balance.StdDev, h.Balance.Spread, h.Balance.People)
	}

	p("## How these figures were computed\n\n")
	p("- Response: %s\n", strings.TrimSuffix(ResponseMethod, " "+PercentileMethod))
	p("- Percentiles: %s\n", PercentileMethod)
	p("- Reliability: %s\n", ReliabilityMethod)
	p("- Noise: %s\n", NoiseMethod)
	if x.SLA != nil {
		p("- SLA: %s\n", SLAMethod)
	}
	if x.Cost != nil {
		p("- Cost: %s\n", CostMethod)
	}
	if x.Escalation != nil {
		p("- Escalations: %s\n", strings.TrimSuffix(EscalationMethod, " "+PercentileMethod))
	}
	if x.Hours != nil {
		p("- On-call hours: %s\n", HoursMethod)
	}
	return b.String()
}

// countBreachedIncidents counts incidents with at least one breach.
func countBreachedIncidents(s *SLAReport) int {
	seen := map[string]bool{}
	for _, b := range s.Breaches {
		seen[b.IncidentID] = true
	}
	return len(seen)
}
