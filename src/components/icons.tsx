/**
 * The few icons the app uses, as inline SVG (outline style, 24px grid, stroke = currentColor).
 * Decorative by default: give the surrounding control a label.
 */
type IconProps = React.SVGProps<SVGSVGElement>

function Outline({ children, className = 'size-5', ...props }: IconProps) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      {...props}
    >
      {children}
    </svg>
  )
}

export const ChartIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M4 4v16h16" />
    <path d="M8 16v-4M12 16V8M16 16v-6" />
  </Outline>
)

export const ChatIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 20.5l1.4-4.3A8 8 0 0 1 3 11.5 8.6 8.6 0 0 1 12 3a8.6 8.6 0 0 1 9 8.5Z" />
    <path d="M8 10h8M8 13.5h5" />
  </Outline>
)

export const UsersIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M16 20v-1.5A3.5 3.5 0 0 0 12.5 15h-5A3.5 3.5 0 0 0 4 18.5V20" />
    <circle cx="10" cy="8" r="3.5" />
    <path d="M20 20v-1.5a3.5 3.5 0 0 0-2.5-3.35M15.5 4.65a3.5 3.5 0 0 1 0 6.7" />
  </Outline>
)

export const PhoneLinkIcon = (p: IconProps) => (
  <Outline {...p}>
    <rect x="6" y="2.5" width="12" height="19" rx="2.5" />
    <path d="M10.5 18.5h3" />
    <path d="M9.5 8.5h2v2h-2zM12.5 11.5h2v2h-2z" />
  </Outline>
)

export const UploadIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M12 15V4M7.5 8.5 12 4l4.5 4.5" />
    <path d="M4 15v3a2.5 2.5 0 0 0 2.5 2.5h11A2.5 2.5 0 0 0 20 18v-3" />
  </Outline>
)

export const MenuIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M4 6.5h16M4 12h16M4 17.5h16" />
  </Outline>
)

export const CloseIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M6 6l12 12M18 6 6 18" />
  </Outline>
)

export const SearchIcon = (p: IconProps) => (
  <Outline {...p}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.2-4.2" />
  </Outline>
)

export const ChevronLeftIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="m14.5 6-6 6 6 6" />
  </Outline>
)

export const ChevronRightIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="m9.5 6 6 6-6 6" />
  </Outline>
)

export const SignOutIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M15 4h2.5A2.5 2.5 0 0 1 20 6.5v11a2.5 2.5 0 0 1-2.5 2.5H15" />
    <path d="M10 8l-4 4 4 4M6 12h10" />
  </Outline>
)

export const GlobeIcon = (p: IconProps) => (
  <Outline {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M3.5 12h17M12 3.5c2.3 2.4 3.4 5.2 3.4 8.5s-1.1 6.1-3.4 8.5c-2.3-2.4-3.4-5.2-3.4-8.5S9.7 5.9 12 3.5Z" />
  </Outline>
)

export const AlertIcon = (p: IconProps) => (
  <Outline {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5v5M12 16.2v.3" />
  </Outline>
)

export const ClockIcon = (p: IconProps) => (
  <Outline {...p}>
    <circle cx="12" cy="12" r="8" />
    <path d="M12 7.5V12l3 2" />
  </Outline>
)

/** WhatsApp-style single tick. */
export const TickIcon = (p: IconProps) => (
  <Outline viewBox="0 0 16 16" strokeWidth={1.6} {...p}>
    <path d="m3 8.5 3 3L13 4.5" />
  </Outline>
)

/** WhatsApp-style double tick. */
export const DoubleTickIcon = (p: IconProps) => (
  <Outline viewBox="0 0 20 16" strokeWidth={1.6} {...p}>
    <path d="m1.5 8.5 3 3 7-7M8.5 11.5l7-7" />
  </Outline>
)

export const SpinnerIcon = ({ className = 'size-5', ...p }: IconProps) => (
  <svg aria-hidden viewBox="0 0 24 24" fill="none" className={`animate-spin ${className}`} {...p}>
    <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.2" strokeWidth="3" />
    <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
  </svg>
)

export const InfoIcon = (p: IconProps) => (
  <Outline {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 11v5M12 7.8v.3" />
  </Outline>
)

export const CheckCircleIcon = (p: IconProps) => (
  <Outline {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="m8.5 12.2 2.3 2.3 4.7-4.9" />
  </Outline>
)

export const SendIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M4.5 12 3 4.5l17.5 7.5L3 19.5 4.5 12Zm0 0h7" />
  </Outline>
)

export const RefreshIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4.5v3.7h-3.7" />
  </Outline>
)

export const ShieldIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M12 3.5 5 6v5.5c0 4.2 2.9 7.6 7 9 4.1-1.4 7-4.8 7-9V6l-7-2.5Z" />
    <path d="m9.2 12 2 2 3.8-4" />
  </Outline>
)

export const MegaphoneIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M4 10v4a1 1 0 0 0 1 1h2l8 4.5v-15L7 9H5a1 1 0 0 0-1 1Z" />
    <path d="M18 9.5a3.5 3.5 0 0 1 0 5M8 15l1 4.5" />
  </Outline>
)

export const WifiOffIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M3.5 3.5 20.5 20.5M8.5 16.2a5 5 0 0 1 7 0M5.2 12.8a9.6 9.6 0 0 1 4-2.3M12.8 10.2a9.5 9.5 0 0 1 6 2.6M2 9.3a14 14 0 0 1 3.6-2.5M10 5.2A14 14 0 0 1 22 9.3" />
    <path d="M12 19.5h.01" />
  </Outline>
)

export const BellIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M18 8.5a6 6 0 1 0-12 0c0 6.5-2.5 8.5-2.5 8.5h17S18 15 18 8.5Z" />
    <path d="M10.3 20.5a1.9 1.9 0 0 0 3.4 0" />
  </Outline>
)

export const BellOffIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M8.6 3.9A6 6 0 0 1 18 8.5c0 3 .5 5 1.2 6.3M17 17H3.5S6 15 6 8.5c0-.6.1-1.1.2-1.6" />
    <path d="M10.3 20.5a1.9 1.9 0 0 0 3.4 0M3 3l18 18" />
  </Outline>
)

export const DocumentIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Z" />
    <path d="M14 3v5h5M9 13h6M9 17h4" />
  </Outline>
)

export const MapPinIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21Z" />
    <circle cx="12" cy="9.5" r="2.5" />
  </Outline>
)

export const ContactCardIcon = (p: IconProps) => (
  <Outline {...p}>
    <circle cx="12" cy="8" r="3.5" />
    <path d="M5 20a7 7 0 0 1 14 0" />
  </Outline>
)

export const ImageOffIcon = (p: IconProps) => (
  <Outline {...p}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="m3 16 5-5 4 4M14 13l2-2 5 5M4 4l16 16" />
  </Outline>
)

/** A speech bubble with a lightning bolt: quick replies. */
export const QuickReplyIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 20.5l1.4-4.3A8 8 0 0 1 3 11.5 8.6 8.6 0 0 1 12 3a8.6 8.6 0 0 1 9 8.5Z" />
    <path d="m13 6.5-3.5 5.5h5L11 17" />
  </Outline>
)

export const PlusIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="M12 5v14M5 12h14" />
  </Outline>
)

export const PaperclipIcon = (p: IconProps) => (
  <Outline {...p}>
    <path d="m20.5 11.5-8.1 8.1a5 5 0 0 1-7.1-7.1l8.5-8.5a3.4 3.4 0 0 1 4.8 4.8l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />
  </Outline>
)
