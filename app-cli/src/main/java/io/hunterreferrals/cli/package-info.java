/** The hunter command line: wires core to the adapters by hand. Placeholder until its issue lands. */
package io.hunterreferrals.cli;
