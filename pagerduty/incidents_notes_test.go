package pagerduty_test

import (
	"context"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

const noteJSON = `{"id":"PWL7QXS","user":{"id":"PXPGF42","type":"user_reference","summary":"Earline Greenholt"},
"channel":{"summary":"The PagerDuty website or APIs"},"content":"Firefighters are on the scene.",
"created_at":"2013-03-06T15:28:51-05:00","updated_at":"2023-10-01T12:00:00-05:00"}`

func TestIncidentsNotes(t *testing.T) {
	ctx := context.Background()

	c, rec := fakeAPI(t, 200, `{"notes":[`+noteJSON+`]}`)
	notes, err := c.Incidents.ListNotes(ctx, "PT4KHLK")
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "GET", path: "/incidents/PT4KHLK/notes"})
	if len(notes) != 1 || notes[0].ID != "PWL7QXS" || notes[0].User.ID != "PXPGF42" || notes[0].Channel.Summary == "" ||
		!notes[0].CreatedAt.Equal(time.Date(2013, 3, 6, 20, 28, 51, 0, time.UTC)) {
		t.Errorf("decoded %+v", notes)
	}

	c, rec = fakeAPI(t, 201, `{"note":`+noteJSON+`}`, pagerduty.WithFrom("default@example.com"))
	n, err := c.Incidents.CreateNote(ctx, "PT4KHLK", &pagerduty.NoteParams{Content: "Firefighters are on the scene."})
	if err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "POST", path: "/incidents/PT4KHLK/notes", from: "default@example.com",
		body: `{"note":{"content":"Firefighters are on the scene."}}`})
	if n.ID != "PWL7QXS" || n.Content == "" {
		t.Errorf("decoded %+v", n)
	}

	c, rec = fakeAPI(t, 200, `{"note":`+noteJSON+`}`)
	if _, err := c.Incidents.UpdateNote(ctx, "PT4KHLK", "PWL7QXS", &pagerduty.NoteParams{From: "jane@example.com", Content: "The fire is out."}); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "PUT", path: "/incidents/PT4KHLK/notes/PWL7QXS", from: "jane@example.com",
		body: `{"note":{"content":"The fire is out."}}`})

	c, rec = fakeAPI(t, 204, ``)
	if err := c.Incidents.DeleteNote(ctx, "PT4KHLK", "PWL7QXS"); err != nil {
		t.Fatal(err)
	}
	checkOneCall(t, rec, wantCall{method: "DELETE", path: "/incidents/PT4KHLK/notes/PWL7QXS"})
}

func TestIncidentsNotesRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		call   func(*pagerduty.Client) error
		noFrom bool
		want   string
	}{
		{"list bad ID", func(c *pagerduty.Client) error { _, err := c.Incidents.ListNotes(ctx, ""); return err }, false, "empty"},
		{"no content", func(c *pagerduty.Client) error {
			_, err := c.Incidents.CreateNote(ctx, "PT4KHLK", &pagerduty.NoteParams{Content: "  "})
			return err
		}, false, "Content"},
		{"nil params", func(c *pagerduty.Client) error {
			_, err := c.Incidents.UpdateNote(ctx, "PT4KHLK", "PWL7QXS", nil)
			return err
		}, false, "Content"},
		{"bad note ID", func(c *pagerduty.Client) error { return c.Incidents.DeleteNote(ctx, "PT4KHLK", "..") }, false, "note_id"},
		{"no From", func(c *pagerduty.Client) error {
			_, err := c.Incidents.CreateNote(ctx, "PT4KHLK", &pagerduty.NoteParams{Content: "x"})
			return err
		}, true, "From"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var opts []pagerduty.Option
			if !tc.noFrom {
				opts = append(opts, pagerduty.WithFrom("jane@example.com"))
			}
			c, rec := fakeAPI(t, 200, `{}`, opts...)
			checkRefused(t, rec, tc.call(c), tc.want)
		})
	}
}
