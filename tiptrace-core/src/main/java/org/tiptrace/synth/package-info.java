/**
 * Seeded synthetic CyberTips in both formats, for the demo, tests and benchmarks. Every value is
 * fictitious: names on example.com/.net/.org, IPs in documentation ranges, 555-01xx phone numbers.
 */
@NullMarked
package org.tiptrace.synth;

import org.jspecify.annotations.NullMarked;
