package bench

import "time"

// Floor is the shortest time n requests can take against a token bucket of
// perMinute requests a minute and burst tokens, each answered after
// latency: the first burst requests go at once, every other one waits for a
// token (60/perMinute seconds each), and the last answer comes latency
// after the last request is sent.
func Floor(n int, latency time.Duration, perMinute, burst int) time.Duration {
	wait := time.Duration(max(n-burst, 0)) * time.Minute / time.Duration(perMinute)
	return wait + latency
}
