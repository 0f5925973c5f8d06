// Package reliability holds the helpers the project's reliability tests
// share: a goroutine-leak checker and a log capture that lets a test assert
// what its logs never say (a token, for example).
//
// Both are meant for tests only and depend on the standard library alone.
//
//	func TestSomething(t *testing.T) {
//		reliability.CheckGoroutines(t) // fails the test if goroutines outlive it
//		logs := reliability.NewLogBuffer()
//		c, _ := pagerduty.NewClient(pagerduty.WithToken(tok), pagerduty.WithLogger(logs.Logger()))
//		...
//		if logs.Contains(tok) { t.Error("the token reached a log line") }
//	}
//
// The file RELIABILITY.md at the root of the module lists every fault,
// input class and attack the tests try, and the test that tries it; this
// package's own test checks that the list and the source tree agree.
package reliability
