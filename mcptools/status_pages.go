package mcptools

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// resolveStatusPage turns a status page argument (an ID or a name) into an
// ID. The account's pages come in one answer.
func resolveStatusPage(ctx context.Context, c *call, arg, v string) (string, error) {
	return resolveListed(arg, "status page", v, func(q string) (*pagerduty.Page[pagerduty.StatusPage], error) {
		return c.client.StatusPages.List(ctx, nil)
	}, func(s *pagerduty.StatusPage) (string, string) { return s.ID, s.Name })
}

// StatusPage is the trimmed status page tools answer with.
type StatusPage struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Type is public or private.
	Type string `json:"type"`
	URL  string `json:"url,omitempty"`
	// Published is false for a page readers cannot see yet.
	Published bool `json:"published"`
}

func (p *StatusPage) line() string {
	s := fmt.Sprintf("%s (%s) [%s", p.Name, p.ID, p.Type)
	if !p.Published {
		s += ", not published"
	}
	s += "]"
	if p.URL != "" {
		s += " " + p.URL
	}
	return s
}

// StatusPost is the trimmed status page post tools answer with.
type StatusPost struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Type is incident or maintenance.
	Type     string    `json:"type"`
	StartsAt time.Time `json:"starts_at,omitzero"`
	EndsAt   time.Time `json:"ends_at,omitzero"`
	// Latest is the post's latest update, when the answer has it.
	Latest *StatusUpdate `json:"latest,omitempty"`
}

// StatusUpdate is one update of a status page post.
type StatusUpdate struct {
	ID       string `json:"id"`
	Message  string `json:"message"`
	Status   string `json:"status,omitempty"`
	Severity string `json:"severity,omitempty"`
	// Impacts are "service: impact" pairs.
	Impacts    []string  `json:"impacts,omitempty"`
	ReportedAt time.Time `json:"reported_at,omitzero"`
	// Notified is true when the page's subscribers were told.
	Notified bool `json:"notified"`
}

// statusNames maps the IDs of a page's statuses, severities, impacts and
// services to their names, to render updates.
type statusNames map[string]string

func (n statusNames) of(r *pagerduty.Reference) string {
	if r == nil {
		return ""
	}
	return firstNonEmpty(n[r.ID], r.Summary, r.ID)
}

func trimStatusUpdate(u *pagerduty.StatusPagePostUpdate, names statusNames) *StatusUpdate {
	out := &StatusUpdate{ID: u.ID, Message: u.Message, Status: names.of(u.Status), Severity: names.of(u.Severity),
		ReportedAt: u.ReportedAt.UTC(), Notified: u.NotifySubscribers}
	if u.ReportedAt.IsZero() {
		out.ReportedAt = time.Time{}
	}
	for _, is := range u.ImpactedServices {
		out.Impacts = append(out.Impacts, names.of(is.Service)+": "+names.of(is.Impact))
	}
	return out
}

func trimStatusPost(p *pagerduty.StatusPagePost, names statusNames) StatusPost {
	out := StatusPost{ID: p.ID, Title: p.Title, Type: string(p.PostType), StartsAt: p.StartsAt, EndsAt: p.EndsAt}
	var latest *pagerduty.StatusPagePostUpdate
	for i := range p.Updates {
		u := &p.Updates[i]
		if u.Message != "" && (latest == nil || u.ReportedAt.After(latest.ReportedAt)) {
			latest = u
		}
	}
	if latest != nil {
		out.Latest = trimStatusUpdate(latest, names)
	}
	return out
}

func (p *StatusPost) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s", p.ID, p.Type, p.Title)
	if !p.StartsAt.IsZero() {
		b.WriteString(" - " + fmtTime(p.StartsAt) + " to " + fmtTime(p.EndsAt))
	}
	if u := p.Latest; u != nil {
		b.WriteString(" - " + u.line())
	}
	return b.String()
}

func (u *StatusUpdate) line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s", firstNonEmpty(u.Status, "no status"), firstNonEmpty(u.Severity, "no severity"))
	if !u.ReportedAt.IsZero() {
		b.WriteString(" at " + fmtTime(u.ReportedAt))
	}
	b.WriteString(": " + truncate(u.Message, 200))
	if len(u.Impacts) > 0 {
		b.WriteString(" (" + strings.Join(u.Impacts, "; ") + ")")
	}
	return b.String()
}

type listStatusPagesIn struct {
	StatusPage string `json:"status_page,omitempty" jsonschema:"maxLength=200" jsonschema_description:"A status page (ID or name): list its posts with their latest update instead of the pages."`
	PostType   string `json:"post_type,omitempty" jsonschema:"enum=incident,enum=maintenance" jsonschema_description:"With status_page: keep incident or maintenance posts."`
}

// StatusPageList is the account's status pages, or one page's posts.
type StatusPageList struct {
	StatusPages []StatusPage `json:"status_pages,omitempty"`
	// Posts are the posts of the page asked for.
	Posts []StatusPost `json:"posts,omitempty"`
	// Statuses, Severities, Impacts and Services are what the page's
	// updates accept, by name.
	Statuses   []string `json:"statuses,omitempty"`
	Severities []string `json:"severities,omitempty"`
	Impacts    []string `json:"impacts,omitempty"`
	Services   []string `json:"services,omitempty"`
}

func (l *StatusPageList) text() string {
	if l.StatusPages != nil || l.Posts == nil && l.Statuses == nil {
		if len(l.StatusPages) == 0 {
			return "The account has no status pages."
		}
		return plural(len(l.StatusPages), "status page") + ":" + lines(l.StatusPages, (*StatusPage).line)
	}
	var b strings.Builder
	if len(l.Posts) == 0 {
		b.WriteString("No posts.")
	} else {
		b.WriteString(plural(len(l.Posts), "post") + ":" + lines(l.Posts, (*StatusPost).line))
	}
	fmt.Fprintf(&b, "\nStatuses: %s\nSeverities: %s\nImpacts: %s\nServices: %s", strings.Join(l.Statuses, ", "),
		strings.Join(l.Severities, ", "), strings.Join(l.Impacts, ", "), strings.Join(l.Services, ", "))
	return b.String()
}

// pageVocabulary is what a status page's updates accept: statuses,
// severities and impacts of one post type, and the page's services.
type pageVocabulary struct {
	statuses, severities, impacts, services []candidate
}

func loadVocabulary(ctx context.Context, c *call, page string, postType pagerduty.StatusPagePostType) (*pageVocabulary, error) {
	sp := c.client.StatusPages
	f := &pagerduty.PostTypeFilter{PostType: postType}
	v := &pageVocabulary{}
	st, err := sp.ListStatuses(ctx, page, f)
	if err != nil {
		return nil, err
	}
	for _, s := range st.Items {
		v.statuses = append(v.statuses, candidate{ID: s.ID, Name: s.Description})
	}
	sv, err := sp.ListSeverities(ctx, page, f)
	if err != nil {
		return nil, err
	}
	for _, s := range sv.Items {
		v.severities = append(v.severities, candidate{ID: s.ID, Name: s.Description})
	}
	im, err := sp.ListImpacts(ctx, page, f)
	if err != nil {
		return nil, err
	}
	for _, s := range im.Items {
		v.impacts = append(v.impacts, candidate{ID: s.ID, Name: s.Description})
	}
	sc, err := sp.ListServices(ctx, page)
	if err != nil {
		return nil, err
	}
	for _, s := range sc.Items {
		v.services = append(v.services, candidate{ID: s.ID, Name: s.Name})
	}
	return v, nil
}

func (v *pageVocabulary) names() statusNames {
	n := statusNames{}
	for _, l := range [][]candidate{v.statuses, v.severities, v.impacts, v.services} {
		for _, c := range l {
			n[c.ID] = c.Name
		}
	}
	return n
}

func candidateNames(cs []candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// choose picks a status, severity, impact or service of the page by name
// or ID; the error lists the accepted names.
func choose(arg, kind, v string, cs []candidate) (string, error) {
	if len(cs) == 0 {
		return "", argError(arg, "the status page defines no %ss for this post type", kind)
	}
	c, err := pick(arg, kind, v, cs)
	if err != nil {
		return "", argError(arg, "%q is not one of the page's %ss: use one of %s", truncate(v, 60), kind, strings.Join(candidateNames(cs), ", "))
	}
	return c.ID, nil
}

var listStatusPages = &tool[listStatusPagesIn, *StatusPageList]{
	spec: spec{
		name:    "list_status_pages",
		title:   "List status pages and posts",
		toolset: ToolsetStatusPages,
		description: `Without arguments, lists the account's status pages (name, ID, public or private, URL).
With status_page (ID or name), lists that page's posts (incidents and maintenances) with their latest update, and the statuses, severities, impacts and services its updates accept by name: what create_status_page_post and add_status_page_update take.`,
		notFound: "list_status_pages",
	},
	handler: func(ctx context.Context, c *call, in listStatusPagesIn) (*StatusPageList, error) {
		if strings.TrimSpace(in.StatusPage) == "" {
			if in.PostType != "" {
				return nil, argError("post_type", "it filters the posts of one page: give status_page too")
			}
			p, err := c.client.StatusPages.List(ctx, nil)
			if err != nil {
				return nil, err
			}
			out := &StatusPageList{StatusPages: make([]StatusPage, len(p.Items))}
			for i, s := range p.Items {
				out.StatusPages[i] = StatusPage{ID: s.ID, Name: s.Name, Type: string(s.StatusPageType), URL: s.URL, Published: !s.PublishedAt.IsZero()}
			}
			return out, nil
		}
		page, err := resolveStatusPage(ctx, c, "status_page", in.StatusPage)
		if err != nil {
			return nil, err
		}
		pt := pagerduty.StatusPagePostType(in.PostType)
		voc, err := loadVocabulary(ctx, c, page, pt)
		if err != nil {
			return nil, err
		}
		posts, err := c.client.StatusPages.ListPosts(ctx, page, &pagerduty.ListStatusPagePostsOptions{PostType: pt})
		if err != nil {
			return nil, err
		}
		out := &StatusPageList{Posts: make([]StatusPost, len(posts.Items)), Statuses: candidateNames(voc.statuses),
			Severities: candidateNames(voc.severities), Impacts: candidateNames(voc.impacts), Services: candidateNames(voc.services)}
		names := voc.names()
		for i := range posts.Items {
			out.Posts[i] = trimStatusPost(&posts.Items[i], names)
		}
		return out, nil
	},
}

// updateArgs are the arguments of a post update, shared by both tools.
type updateArgs struct {
	message, status, severity, impact string
	services                          []string
	notify                            bool
	nextUpdateMinutes                 int
}

// params resolves the names of an update against the page's vocabulary.
func (a *updateArgs) params(v *pageVocabulary) (*pagerduty.PostUpdateParams, error) {
	p := &pagerduty.PostUpdateParams{Message: strings.TrimSpace(a.message), NotifySubscribers: a.notify,
		UpdateFrequency: time.Duration(a.nextUpdateMinutes) * time.Minute}
	if p.Message == "" {
		return nil, argError("message", "it is blank: say what readers should know")
	}
	var err error
	if p.StatusID, err = choose("status", "status", a.status, v.statuses); err != nil {
		return nil, err
	}
	if p.SeverityID, err = choose("severity", "severity", a.severity, v.severities); err != nil {
		return nil, err
	}
	if len(a.services) > 0 && strings.TrimSpace(a.impact) == "" {
		return nil, argError("impact", "say how the services are affected: one of %s", strings.Join(candidateNames(v.impacts), ", "))
	}
	if len(a.services) > 0 {
		imp, err := choose("impact", "impact", a.impact, v.impacts)
		if err != nil {
			return nil, err
		}
		for _, s := range a.services {
			id, err := choose("services", "service", s, v.services)
			if err != nil {
				return nil, err
			}
			p.ImpactedServices = append(p.ImpactedServices, pagerduty.StatusPageImpactedServiceParams{ServiceID: id, ImpactID: imp})
		}
	}
	return p, nil
}

type createPostIn struct {
	StatusPage        string   `json:"status_page" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The status page: its ID or name."`
	Title             string   `json:"title" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The post's title, such as Checkout errors."`
	Message           string   `json:"message" jsonschema:"required,minLength=1,maxLength=10000" jsonschema_description:"The first update: what readers should know."`
	Status            string   `json:"status" jsonschema:"required,minLength=1,maxLength=100" jsonschema_description:"One of the page's statuses, by name, such as investigating, identified, monitoring, resolved (scheduled, in_progress, completed for maintenance)."`
	Severity          string   `json:"severity" jsonschema:"required,minLength=1,maxLength=100" jsonschema_description:"One of the page's severities, by name, such as minor or major (list_status_pages with status_page lists them)."`
	PostType          string   `json:"post_type,omitempty" jsonschema:"enum=incident,enum=maintenance" jsonschema_description:"incident (default) or maintenance (then give starts and ends)."`
	Services          []string `json:"services,omitempty" jsonschema:"maxItems=50,uniqueItems=true" jsonschema_description:"The page's services affected, by name or ID; give impact with them."`
	Impact            string   `json:"impact,omitempty" jsonschema:"maxLength=100" jsonschema_description:"How services are affected, one of the page's impacts by name, such as degraded or major outage."`
	Starts            string   `json:"starts,omitempty" jsonschema:"maxLength=40" jsonschema_description:"Start of a maintenance, RFC 3339 (2026-01-31T14:00:00Z)."`
	Ends              string   `json:"ends,omitempty" jsonschema:"maxLength=40" jsonschema_description:"End of a maintenance, RFC 3339."`
	NotifySubscribers bool     `json:"notify_subscribers,omitempty" jsonschema_description:"Email and message the page's subscribers (default false)."`
	NextUpdateMinutes int      `json:"next_update_minutes,omitempty" jsonschema:"minimum=0,maximum=10080" jsonschema_description:"Promise readers the next update within this many minutes."`
}

// StatusPostResult is a post that was created or updated.
type StatusPostResult struct {
	StatusPage string `json:"status_page"`
	StatusPost
}

func (r *StatusPostResult) text() string {
	return "Status page " + r.StatusPage + ", post " + r.line()
}

var createStatusPagePost = &tool[createPostIn, *StatusPostResult]{
	spec: spec{
		name:    "create_status_page_post",
		title:   "Post on a status page",
		toolset: ToolsetStatusPages,
		write:   true,
		description: `Announces an incident or a maintenance on a status page, with its first update: message, status, severity, and the page's services affected with an impact. Names are matched against the page's own statuses, severities, impacts and services; a wrong one is an error that lists the accepted names.
Readers see it once the page is published; subscribers are told only with notify_subscribers. Returns the post's ID, which add_status_page_update takes for later updates.`,
		notFound: "list_status_pages",
	},
	handler: func(ctx context.Context, c *call, in createPostIn) (*StatusPostResult, error) {
		pt := pagerduty.StatusPagePostType(firstNonEmpty(in.PostType, string(pagerduty.PostIncident)))
		params := &pagerduty.StatusPagePostParams{Title: strings.TrimSpace(in.Title), PostType: pt}
		if pt == pagerduty.PostMaintenance {
			var err error
			if params.StartsAt, err = parseTime("starts", in.Starts, c.now); err != nil {
				return nil, err
			}
			if params.EndsAt, err = parseTime("ends", in.Ends, c.now); err != nil {
				return nil, err
			}
			if params.StartsAt.IsZero() || !params.EndsAt.After(params.StartsAt) {
				return nil, argError("ends", "a maintenance needs starts and ends, ends after starts")
			}
		} else if in.Starts != "" || in.Ends != "" {
			return nil, argError("starts", "only maintenance posts have a window: set post_type maintenance, or leave starts and ends out")
		}
		page, err := resolveStatusPage(ctx, c, "status_page", in.StatusPage)
		if err != nil {
			return nil, err
		}
		voc, err := loadVocabulary(ctx, c, page, pt)
		if err != nil {
			return nil, err
		}
		a := updateArgs{message: in.Message, status: in.Status, severity: in.Severity, impact: in.Impact, services: in.Services,
			notify: in.NotifySubscribers, nextUpdateMinutes: in.NextUpdateMinutes}
		u, err := a.params(voc)
		if err != nil {
			return nil, err
		}
		params.Updates = []pagerduty.PostUpdateParams{*u}
		post, err := c.client.StatusPages.CreatePost(ctx, page, params)
		if err != nil {
			return nil, err
		}
		return &StatusPostResult{StatusPage: page, StatusPost: trimStatusPost(post, voc.names())}, nil
	},
}

type addUpdateIn struct {
	StatusPage        string   `json:"status_page" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The status page: its ID or name."`
	Post              string   `json:"post" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The post: its ID or title."`
	Message           string   `json:"message" jsonschema:"required,minLength=1,maxLength=10000" jsonschema_description:"What readers should know now."`
	Status            string   `json:"status,omitempty" jsonschema:"maxLength=100" jsonschema_description:"The new status by name, such as monitoring or resolved (default: the latest update's)."`
	Severity          string   `json:"severity,omitempty" jsonschema:"maxLength=100" jsonschema_description:"The severity by name (default: the latest update's)."`
	Services          []string `json:"services,omitempty" jsonschema:"maxItems=50,uniqueItems=true" jsonschema_description:"The page's services affected now, by name or ID; give impact with them."`
	Impact            string   `json:"impact,omitempty" jsonschema:"maxLength=100" jsonschema_description:"How services are affected, one of the page's impacts by name."`
	NotifySubscribers bool     `json:"notify_subscribers,omitempty" jsonschema_description:"Email and message the page's subscribers (default false)."`
	NextUpdateMinutes int      `json:"next_update_minutes,omitempty" jsonschema:"minimum=0,maximum=10080" jsonschema_description:"Promise readers the next update within this many minutes."`
}

var addStatusPageUpdate = &tool[addUpdateIn, *StatusPostResult]{
	spec: spec{
		name:    "add_status_page_update",
		title:   "Update a status page post",
		toolset: ToolsetStatusPages,
		write:   true,
		description: `Adds an update to a status page post: a message, and a status (investigating, identified, monitoring, resolved...) and severity that default to the latest update's. Use status resolved to close an incident post.
Give the page by ID or name and the post by ID or title (list_status_pages with status_page shows the posts). Returns the post with this update as its latest.`,
		notFound: "list_status_pages",
	},
	handler: func(ctx context.Context, c *call, in addUpdateIn) (*StatusPostResult, error) {
		page, err := resolveStatusPage(ctx, c, "status_page", in.StatusPage)
		if err != nil {
			return nil, err
		}
		posts, err := c.client.StatusPages.ListPosts(ctx, page, nil)
		if err != nil {
			return nil, err
		}
		cands := make([]candidate, len(posts.Items))
		for i, p := range posts.Items {
			cands[i] = candidate{ID: p.ID, Name: p.Title}
		}
		m, err := pick("post", "post", in.Post, cands)
		if err != nil {
			return nil, err
		}
		post, err := c.client.StatusPages.GetPost(ctx, page, m.ID, &pagerduty.GetStatusPagePostOptions{Includes: []pagerduty.StatusPagePostInclude{pagerduty.IncludePostUpdates}})
		if err != nil {
			return nil, err
		}
		voc, err := loadVocabulary(ctx, c, page, post.PostType)
		if err != nil {
			return nil, err
		}
		names := voc.names()
		a := updateArgs{message: in.Message, status: in.Status, severity: in.Severity, impact: in.Impact, services: in.Services,
			notify: in.NotifySubscribers, nextUpdateMinutes: in.NextUpdateMinutes}
		if latest := trimStatusPost(post, names).Latest; latest != nil {
			a.status = firstNonEmpty(strings.TrimSpace(a.status), latest.Status)
			a.severity = firstNonEmpty(strings.TrimSpace(a.severity), latest.Severity)
		}
		if a.status == "" || a.severity == "" {
			return nil, argError("status", "the post has no update to take them from: give status and severity")
		}
		u, err := a.params(voc)
		if err != nil {
			return nil, err
		}
		nu, err := c.client.StatusPages.CreatePostUpdate(ctx, page, post.ID, u)
		if err != nil {
			return nil, err
		}
		out := &StatusPostResult{StatusPage: page, StatusPost: trimStatusPost(post, names)}
		out.Latest = trimStatusUpdate(nu, names)
		return out, nil
	},
}
