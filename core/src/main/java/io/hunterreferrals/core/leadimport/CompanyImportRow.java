package io.hunterreferrals.core.leadimport;

/**
 * One data line of a companies file, as read; nothing is validated yet.
 *
 * @param lineNumber the line in the file (1 = the first line, the header included)
 * @param domain the domain text, in any form the domain rules accept
 * @param name the company name, or {@code null}
 * @param country an ISO 3166-1 alpha-2 code, or {@code null}
 */
public record CompanyImportRow(long lineNumber, String domain, String name, String country) {}
