package pagerduty

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// IncidentNote is a note left on an incident's timeline.
type IncidentNote struct {
	ID string `json:"id,omitempty"`
	// User wrote the note; a service that wrote one appears with type
	// "bot_user_reference" and the service's name as summary.
	User *Reference `json:"user,omitempty"`
	// Channel says through what the note was written (the web app, the API,
	// a chat integration...).
	Channel   *Reference `json:"channel,omitempty"`
	Content   string     `json:"content"`
	CreatedAt time.Time  `json:"created_at,omitzero"`
	UpdatedAt time.Time  `json:"updated_at,omitzero"`
}

// NoteParams is the text of a note to write or rewrite.
type NoteParams struct {
	// From is the email of the PagerDuty user writing; empty means the
	// client's WithFrom.
	From string `json:"-"`
	// Content is the note's text.
	Content string
}

func (p *NoteParams) body() (any, error) {
	if p == nil || strings.TrimSpace(p.Content) == "" {
		return nil, missing("Content", "the note's text")
	}
	return map[string]any{"note": map[string]string{"content": p.Content}}, nil
}

// ListNotes returns the notes of the incident id, oldest first. The API
// returns them all at once.
//
// OAuth scope incidents.read.
func (s *IncidentsService) ListNotes(ctx context.Context, id string) ([]IncidentNote, error) {
	path, err := expandPath("/incidents/{id}/notes", id)
	if err != nil {
		return nil, err
	}
	var out struct {
		Notes []IncidentNote `json:"notes"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	return out.Notes, nil
}

// CreateNote adds a note to the incident id and returns it.
//
// OAuth scope incidents.write.
func (s *IncidentsService) CreateNote(ctx context.Context, id string, p *NoteParams) (*IncidentNote, error) {
	path, err := expandPath("/incidents/{id}/notes", id)
	if err != nil {
		return nil, err
	}
	return s.noteWrite(ctx, "POST", path, p)
}

// UpdateNote replaces the text of the note noteID of the incident id and
// returns the note.
//
// OAuth scope incidents.write.
func (s *IncidentsService) UpdateNote(ctx context.Context, id, noteID string, p *NoteParams) (*IncidentNote, error) {
	path, err := expandPath("/incidents/{id}/notes/{note_id}", id, noteID)
	if err != nil {
		return nil, err
	}
	return s.noteWrite(ctx, "PUT", path, p)
}

func (s *IncidentsService) noteWrite(ctx context.Context, method, path string, p *NoteParams) (*IncidentNote, error) {
	body, err := p.body()
	if err != nil {
		return nil, err
	}
	from, err := s.client.fromOrDefault(p.From)
	if err != nil {
		return nil, err
	}
	var out struct {
		Note *IncidentNote `json:"note"`
	}
	if err := s.client.do(ctx, &request{method: method, path: path, body: body, from: from}, &out); err != nil {
		return nil, err
	}
	if out.Note == nil {
		return nil, fmt.Errorf("pagerduty: %s %s: the answer has no note", method, path)
	}
	return out.Note, nil
}

// DeleteNote removes the note noteID from the incident id.
//
// OAuth scope incidents.write.
func (s *IncidentsService) DeleteNote(ctx context.Context, id, noteID string) error {
	return deleteAt(ctx, s.client, "/incidents/{id}/notes/{note_id}", id, noteID)
}
