import { regions } from './regions.ts';

/** Skip links: every region is one Tab and Enter away from the top of the page. */
export function RegionNav() {
  return (
    <nav aria-label="Regions" className="flex flex-wrap gap-1 text-xs">
      {regions.map((region) => (
        <a
          key={region.id}
          href={`#${region.id}`}
          className="rounded px-2 py-1 text-slate-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-focus dark:text-slate-300"
          onClick={(event) => {
            const target = document.getElementById(region.id);
            if (!target) return;
            event.preventDefault();
            target.focus();
            target.scrollIntoView({ block: 'nearest' });
          }}
        >
          {region.title}
        </a>
      ))}
    </nav>
  );
}
