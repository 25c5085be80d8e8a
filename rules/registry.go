package rules

// All lists every rule, in the order they run. It also feeds `explain` and
// SARIF's rule list.
var All = []Rule{}
