package pdtest

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// maxChangeSummary is the longest change event summary, in characters.
const maxChangeSummary = 1024

// createChangeEvent serves POST /change_events, the REST API's way in for
// the change event that /v2/change/enqueue takes: it is kept as the same
// ChangeEvent, on the service whose integration has the routing key (none
// when no integration has it, as the Events API does). Links and images are
// checked but not kept. It answers 202 Accepted.
func (h *Handler) createChangeEvent(w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		var in struct {
			RoutingKey *string `json:"routing_key"`
			Payload    *struct {
				Summary       string         `json:"summary"`
				Source        string         `json:"source"`
				Timestamp     string         `json:"timestamp"`
				CustomDetails map[string]any `json:"custom_details"`
			} `json:"payload"`
			Links []struct {
				Href string `json:"href"`
			} `json:"links"`
			Images []struct {
				Src string `json:"src"`
			} `json:"images"`
		}
		if err := decode(r, &in); err != nil {
			return reply{}, err
		}
		switch {
		case in.RoutingKey == nil || strings.TrimSpace(*in.RoutingKey) == "":
			return reply{}, errInvalid("routing_key is missing or blank: send the integration key of an Events API v2 integration")
		case in.Payload == nil || strings.TrimSpace(in.Payload.Summary) == "":
			return reply{}, errInvalid("payload.summary is missing or blank: say what changed in 1 to %d characters", maxChangeSummary)
		case utf8.RuneCountInString(in.Payload.Summary) > maxChangeSummary:
			return reply{}, errInvalid("payload.summary is %d characters long; at most %d are accepted", utf8.RuneCountInString(in.Payload.Summary), maxChangeSummary)
		}
		for i, l := range in.Links {
			if l.Href == "" {
				return reply{}, errInvalid("links[%d].href is missing: a link needs a URL", i)
			}
		}
		for i, im := range in.Images {
			if im.Src == "" {
				return reply{}, errInvalid("images[%d].src is missing: an image needs the URL it is served from", i)
			}
		}
		ts := c.st.now()
		if v := in.Payload.Timestamp; v != "" {
			t, err := time.Parse(time.RFC3339Nano, v)
			if err != nil {
				return reply{}, errInvalid("payload.timestamp %q is not an RFC 3339 date, such as 2024-05-01T12:00:00Z", v)
			}
			ts = t
		}
		c.st.addChangeEvent(ChangeEvent{RoutingKey: *in.RoutingKey, Summary: in.Payload.Summary, Source: in.Payload.Source,
			Timestamp: ts, CustomDetails: in.Payload.CustomDetails})
		return reply{http.StatusAccepted, map[string]any{"status": "success", "message": "Change event processed"}}, nil
	})
}
