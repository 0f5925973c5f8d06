package events

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pdkit/pdkit/internal/eventrules"
)

// Limits of the Events API that are checked before an event is sent.
const (
	// MaxSummaryLength is the longest summary, in characters, of an alert or
	// a change event.
	MaxSummaryLength = 1024
	// MaxDedupKeyLength is the longest dedup key, in characters.
	MaxDedupKeyLength = 255
	// MaxEventSize is the largest encoded event, in bytes, that the Events
	// API accepts (512 KiB).
	MaxEventSize = 512 << 10
)

// ValidationError reports an event that was not sent because the Events API
// would refuse it. Field names the offending field as it is spelled in Go
// (for example "Payload.Summary" or "Links[1].Href"); Problem says what was
// wrong and what is accepted. It never contains the routing key.
//
//	var verr *events.ValidationError
//	if errors.As(err, &verr) { log.Printf("fix %s: %s", verr.Field, verr.Problem) }
type ValidationError struct {
	Field   string
	Problem string
}

// Error returns "events: invalid event: <field>: <problem>".
func (e *ValidationError) Error() string {
	return "events: invalid event: " + e.Field + ": " + e.Problem
}

func invalid(field, format string, args ...any) *ValidationError {
	return &ValidationError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// Validate reports the first problem that would make the Events API refuse
// ev, as a *ValidationError, or nil. An empty RoutingKey is a problem here;
// [Client.Send] fills it from the client's default before it validates.
func (ev Event) Validate() error {
	_, err := encodeEvent(ev)
	return err
}

// Validate reports the first problem that would make the Events API refuse
// ce, as a *ValidationError, or nil. An empty RoutingKey is a problem here;
// [Client.SendChange] fills it from the client's default before it
// validates.
func (ce ChangeEvent) Validate() error {
	_, err := encodeChange(ce)
	return err
}

// checkEvent checks everything about ev except its custom details and its
// encoded size, which are checked while encoding.
func checkEvent(ev Event) error {
	if err := checkRoutingKey(ev.RoutingKey); err != nil {
		return err
	}
	switch ev.Action {
	case Trigger, Acknowledge, Resolve:
	case "":
		return invalid("Action", "is missing: use events.Trigger, events.Acknowledge or events.Resolve")
	default:
		return invalid("Action", "%q is not an action of the Events API: use trigger, acknowledge or resolve", clip(string(ev.Action)))
	}
	if n := utf8.RuneCountInString(ev.DedupKey); n > MaxDedupKeyLength {
		return invalid("DedupKey", "is %d characters long; at most %d are accepted", n, MaxDedupKeyLength)
	}
	if ev.Action != Trigger {
		if strings.TrimSpace(ev.DedupKey) == "" {
			return invalid("DedupKey", "is missing: %s needs the dedup key of the alert (the DedupKey of the trigger's Response)", ev.Action)
		}
	} else {
		if err := checkPayload(ev.Payload); err != nil {
			return err
		}
		if ev.ClientURL != "" {
			if err := checkURL("ClientURL", ev.ClientURL, false); err != nil {
				return err
			}
		}
	}
	return checkLinksImages(ev.Links, ev.Images)
}

func checkPayload(p Payload) error {
	if err := checkSummary("Payload.Summary", p.Summary, "a trigger"); err != nil {
		return err
	}
	if strings.TrimSpace(p.Source) == "" {
		return invalid("Payload.Source", "is missing: a trigger needs the affected system, such as a host name")
	}
	switch p.Severity {
	case Critical, Error, Warning, Info:
	case "":
		return invalid("Payload.Severity", "is missing: a trigger needs one of critical, error, warning or info")
	default:
		return invalid("Payload.Severity", "%q is not a severity of the Events API: use critical, error, warning or info", clip(string(p.Severity)))
	}
	return nil
}

func checkChange(ce ChangeEvent) error {
	if err := checkRoutingKey(ce.RoutingKey); err != nil {
		return err
	}
	if err := checkSummary("Summary", ce.Summary, "a change event"); err != nil {
		return err
	}
	return checkLinksImages(ce.Links, ce.Images)
}

func checkSummary(field, s, what string) error {
	if strings.TrimSpace(s) == "" {
		return invalid(field, "is missing: %s needs a summary of 1 to %d characters", what, MaxSummaryLength)
	}
	if n := utf8.RuneCountInString(s); n > MaxSummaryLength {
		return invalid(field, "is %d characters long; at most %d are accepted", n, MaxSummaryLength)
	}
	return nil
}

// checkRoutingKey checks the key's presence and shape without ever quoting
// it. The Events API does not publish a format beyond "the integration key"
// (32 characters today), so only what can never be a key is refused.
func checkRoutingKey(k RoutingKey) error {
	if k == "" {
		return invalid("RoutingKey", "is missing: set it on the event or give the client a default with events.WithRoutingKey (the 32-character integration key of an Events API v2 integration)")
	}
	if !eventrules.RoutingKeyShapeOK(string(k)) {
		return invalid("RoutingKey", "contains a space, a control or a non-ASCII character: an integration key is 32 letters and digits (check for a stray newline or quote)")
	}
	return nil
}

func checkLinksImages(links []Link, images []Image) error {
	for i, l := range links {
		field := fmt.Sprintf("Links[%d].Href", i)
		if l.Href == "" {
			return invalid(field, "is missing: a link needs an absolute http or https URL")
		}
		if err := checkURL(field, l.Href, false); err != nil {
			return err
		}
	}
	for i, im := range images {
		field := fmt.Sprintf("Images[%d].Src", i)
		if im.Src == "" {
			return invalid(field, "is missing: an image needs the https URL it is served from")
		}
		if err := checkURL(field, im.Src, true); err != nil {
			return err
		}
		if im.Href != "" {
			if err := checkURL(fmt.Sprintf("Images[%d].Href", i), im.Href, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkURL accepts absolute http and https URLs, or only https ones.
func checkURL(field, raw string, httpsOnly bool) error {
	want := "an absolute http or https URL"
	if httpsOnly {
		want = "an absolute https URL (PagerDuty only shows images served over HTTPS)"
	}
	if !eventrules.URLOK(raw, httpsOnly) {
		return invalid(field, "%q is not %s", clip(raw), want)
	}
	return nil
}

// clip shortens a value quoted in an error so that a megabyte of bad input
// does not become a megabyte of error message.
func clip(s string) string {
	const limit = 64
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	return string(r[:limit]) + "…"
}
