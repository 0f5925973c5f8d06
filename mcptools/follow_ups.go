package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

type followUpsIn struct {
	Incident string   `json:"incident" jsonschema:"required,minLength=1,maxLength=128" jsonschema_description:"The incident: its ID or number (1234, #1234, INC-1234)."`
	Tasks    []string `json:"tasks" jsonschema:"required,minItems=1,maxItems=20" jsonschema_description:"The follow-up tasks, one line each, such as Add disk space alert on db-01."`
	Owner    string   `json:"owner,omitempty" jsonschema:"maxLength=200" jsonschema_description:"Who owns them: \"me\", an ID, a name or an email; written in the note (PagerDuty does not assign notes)."`
	Due      string   `json:"due,omitempty" jsonschema:"maxLength=40" jsonschema_description:"When they are due, as a date such as 2026-12-01; written in the note."`
}

// FollowUps is the note that records an incident's follow-up tasks.
type FollowUps struct {
	Incident string `json:"incident_id"`
	Note
	// Tasks counts the tasks recorded.
	Tasks int `json:"tasks"`
}

func (f *FollowUps) text() string {
	return fmt.Sprintf("Recorded %s on incident %s as a note (%s).\nPagerDuty has no task tracker: to track them in Jira, Linear or another tracker, use that tool, or a workflow with a ticket step (start_incident_workflow).",
		plural(f.Tasks, "follow-up task"), f.Incident, f.ID)
}

var addFollowUpTasks = &tool[followUpsIn, *FollowUps]{
	spec: spec{
		name:    "add_follow_up_tasks",
		title:   "Record follow-up tasks",
		toolset: ToolsetIncidents,
		write:   true,
		description: `Records an incident's follow-up tasks (postmortem actions, fixes to make) as one checklist note on the incident's timeline, with an owner and a due date if given.
PagerDuty has no tasks of its own: a note is where they live in PagerDuty. Creating tickets in Jira or another tracker needs that tracker's tool, or an incident workflow with a ticket step (start_incident_workflow).`,
		notFound: "list_incidents",
	},
	handler: func(ctx context.Context, c *call, in followUpsIn) (*FollowUps, error) {
		if _, err := parseIncidentRef("incident", in.Incident); err != nil {
			return nil, err
		}
		tasks := make([]string, 0, len(in.Tasks))
		for i, t := range in.Tasks {
			t = strings.Join(strings.Fields(t), " ")
			if t == "" {
				return nil, argError(fmt.Sprintf("tasks[%d]", i), "it is blank: write the task")
			}
			tasks = append(tasks, t)
		}
		var b strings.Builder
		b.WriteString("Follow-up tasks")
		var extra []string
		if o := strings.TrimSpace(in.Owner); o != "" {
			id, err := resolveUser(ctx, c, "owner", o)
			if err != nil {
				return nil, err
			}
			u, err := c.client.Users.Get(ctx, id, nil)
			if err != nil {
				return nil, err
			}
			extra = append(extra, "owner "+firstNonEmpty(u.Name, u.Summary, id))
		}
		if d := strings.TrimSpace(in.Due); d != "" {
			t, err := parseTime("due", d, c.now)
			if err != nil {
				return nil, err
			}
			extra = append(extra, "due "+t.UTC().Format("2006-01-02"))
		}
		if len(extra) > 0 {
			b.WriteString(" (" + strings.Join(extra, ", ") + ")")
		}
		b.WriteString(":")
		for _, t := range tasks {
			b.WriteString("\n- [ ] " + t)
		}
		id, err := incidentID(ctx, c, "incident", in.Incident)
		if err != nil {
			return nil, err
		}
		_, from := actor(ctx, c)
		note, err := c.client.Incidents.CreateNote(ctx, id, &pagerduty.NoteParams{From: from, Content: b.String()})
		if err != nil {
			return nil, err
		}
		return &FollowUps{Incident: id, Note: trimNote(note), Tasks: len(tasks)}, nil
	},
}
