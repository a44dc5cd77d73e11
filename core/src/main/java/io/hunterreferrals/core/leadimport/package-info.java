/**
 * Importing companies from a CSV file: rows, the reader's rules and the import report, over
 * {@link io.hunterreferrals.core.company.CompanyDirectory}.
 */
package io.hunterreferrals.core.leadimport;
