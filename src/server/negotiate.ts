/** Content negotiation for a packet (RFC 9110 12.5.1): q-values, wildcards and refusals, by jshttp's negotiator. */
import Negotiator from 'negotiator';

export const packetMediaTypes = ['application/pdf', 'text/html'] as const;
export type PacketMediaType = (typeof packetMediaTypes)[number];

/**
 * The packet's form this Accept header prefers: the PDF when the header is absent or empty (the API's
 * default), the PDF on a tie (it is listed first), undefined when the client accepts neither
 * ("text/html;q=0", "application/json"): answered 406, not with a body it said it cannot use.
 */
export function negotiatePacketType(accept: string | undefined): PacketMediaType | undefined {
  if (accept === undefined || accept.trim() === '') return 'application/pdf';
  return new Negotiator({ headers: { accept } }).mediaType([...packetMediaTypes]) as PacketMediaType | undefined;
}
