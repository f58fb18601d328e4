export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1f3a5f" />
      <path d="M6 19h20l-3 6H9z" fill="#8fb3d9" />
      <path d="M16 5v14M16 7l7 9h-7" stroke="#fff" strokeWidth="2.2" fill="none" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
