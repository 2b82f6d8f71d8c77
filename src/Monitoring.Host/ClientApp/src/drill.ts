// Drill mode (the seam): a console that joined a drill shows a permanent DRILL banner and the drill's
// clock, and tags what it shows with the drill id. The hub side is JoinDrill/LeaveDrill; the clock
// comes from GET /api/drills/{id}. Drill alerts arrive on the same `alert` push with `drillId` set,
// and the alert store keeps each drill's seq stream apart from the live one.
import { api } from './api';
import type { ConsoleHubClient } from './hub';

export class DrillMode {
  private drillId: string | null = null;
  private timer: number | undefined;
  onChange: ((drillId: string | null) => void) | undefined;

  constructor(private readonly banner: HTMLElement, private readonly clock: HTMLElement, private readonly label: HTMLElement) {}

  get current(): string | null {
    return this.drillId;
  }

  async join(hub: ConsoleHubClient, drillId: string): Promise<void> {
    await hub.joinDrill(drillId);
    this.drillId = drillId;
    this.label.textContent = drillId;
    this.banner.hidden = false;
    document.body.classList.add('drill');
    window.clearInterval(this.timer);
    this.timer = window.setInterval(() => void this.refresh(), 1000);
    await this.refresh();
    this.onChange?.(drillId);
  }

  async leave(hub: ConsoleHubClient): Promise<void> {
    if (!this.drillId) return;
    await hub.leaveDrill(this.drillId);
    this.drillId = null;
    window.clearInterval(this.timer);
    this.banner.hidden = true;
    document.body.classList.remove('drill');
    this.onChange?.(null);
  }

  /** After a reconnect the drill group must be joined again, like the sector groups. */
  async rejoin(hub: ConsoleHubClient): Promise<void> {
    if (this.drillId) await hub.joinDrill(this.drillId);
  }

  private async refresh(): Promise<void> {
    if (!this.drillId) return;
    try {
      const view = await api.drill(this.drillId);
      const progress = view.progress != null ? ` · ${(view.progress * 100).toFixed(0)}%` : '';
      this.clock.textContent = `${view.clock ? new Date(view.clock).toISOString().slice(11, 19) + 'Z' : '—'} · ${view.state}${progress}`;
    } catch {
      this.clock.textContent = 'clock unavailable';
    }
  }
}
