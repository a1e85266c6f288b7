/** A phone number as a tel: link, so it can be called with one tap; spaces are kept in the text. */
export function PhoneLink({ phone, className }: { phone: string; className?: string }) {
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, "")}`} className={`whitespace-nowrap ${className ?? ""}`.trim()}>
      {phone}
    </a>
  );
}
