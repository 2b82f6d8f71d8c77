// The SignalR connection to /hubs/console: token via accessTokenFactory, reconnect forever, and on
// every (re)connect Subscribe again then GetAlertsSince(sector, lastSeq) for each sector.
import * as signalR from '@microsoft/signalr';
import type { Alert, ConsoleSnapshot, IncidentView, TrackBatch } from './types';
import { decodeTrackRows, type TrackRows } from './trackRows';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface HubHandlers {
  alert(alert: Alert): void;
  tracks(batch: TrackBatch): void;
  incident(view: IncidentView): void;
  mdl(version: number): void;
  sensorHealth(payload: unknown): void;
  state(state: ConnectionState, detail?: string): void;
  /** The server ended the connection and said why (e.g. a message over the hub's 32 KB limit). */
  closedByServer(reason: string): void;
  /** Called after each successful Subscribe (first connect and every reconnect). */
  subscribed(snapshot: ConsoleSnapshot, reconnect: boolean): Promise<void>;
}

/** 0 s, 0.5 s, 1 s, 2 s, then every 3 s, for ever: a console never gives up on its own. */
const retry: signalR.IRetryPolicy = {
  nextRetryDelayInMilliseconds: (ctx) => [0, 500, 1000, 2000][ctx.previousRetryCount] ?? 3000,
};

export class ConsoleHubClient {
  readonly connection: signalR.HubConnection;
  private sectors: string[] = [];
  private stopped = false;
  private restartTimer: number | undefined;
  private subscribedOnce = false;

  constructor(private readonly token: () => string, private readonly handlers: HubHandlers) {
    this.connection = new signalR.HubConnectionBuilder()
      // Track rows, not whole track states: a quarter of the bytes to receive and parse (docs/api.md "Track formats").
      .withUrl('/hubs/console?trackFormat=compact', { accessTokenFactory: () => this.token() })
      .withAutomaticReconnect(retry)
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.serverTimeoutInMilliseconds = 15_000;
    this.connection.keepAliveIntervalInMilliseconds = 5_000;

    // Handlers return nothing: SignalR would otherwise treat the value as a client result.
    this.connection.on('alert', (a: Alert) => {
      this.handlers.alert(a);
    });
    this.connection.on('tracks', (b: TrackBatch) => {
      this.handlers.tracks(b);
    });
    this.connection.on('trackRows', (r: TrackRows) => {
      this.handlers.tracks(decodeTrackRows(r));
    });
    this.connection.on('incident', (v: IncidentView) => {
      this.handlers.incident(v);
    });
    this.connection.on('mdl', (v: number) => {
      this.handlers.mdl(v);
    });
    this.connection.on('sensorHealth', (p: unknown) => {
      this.handlers.sensorHealth(p);
    });

    this.connection.onreconnecting((error) => {
      this.reportServerClose(error);
      this.handlers.state('reconnecting', error?.message);
    });
    this.connection.onreconnected(() => {
      void this.afterConnect(true);
    });
    this.connection.onclose((error) => {
      this.reportServerClose(error);
      this.handlers.state('disconnected', error?.message);
      this.scheduleRestart();
    });
  }

  /** `reconnect`: this start follows a lost connection (the console then says what it caught up). */
  async start(sectors: string[], reconnect = false): Promise<void> {
    this.sectors = sectors;
    this.stopped = false;
    this.handlers.state('connecting');
    try {
      await this.connection.start();
    } catch (error) {
      this.handlers.state('disconnected', (error as Error).message);
      this.scheduleRestart();
      return;
    }

    await this.afterConnect(reconnect);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    window.clearTimeout(this.restartTimer);
    await this.connection.stop();
  }

  async changeSectors(sectors: string[]): Promise<void> {
    this.sectors = sectors;
    if (this.connection.state === signalR.HubConnectionState.Connected) {
      // Groups only grow inside one connection: start a fresh one for a smaller set.
      await this.connection.stop();
      await this.start(sectors);
    }
  }

  getAlertsSince(sectorId: string, afterSeq: number): Promise<Alert[]> {
    return this.connection.invoke<Alert[]>('GetAlertsSince', sectorId, afterSeq);
  }

  acknowledgeStep(incidentId: string, stepId: string, note: string | null): Promise<unknown> {
    return this.connection.invoke('AcknowledgeStep', incidentId, stepId, note);
  }

  joinDrill(drillId: string): Promise<unknown> {
    return this.connection.invoke('JoinDrill', drillId);
  }

  leaveDrill(drillId: string): Promise<unknown> {
    return this.connection.invoke('LeaveDrill', drillId);
  }

  get isConnected(): boolean {
    return this.connection.state === signalR.HubConnectionState.Connected;
  }

  private async afterConnect(reconnect: boolean): Promise<void> {
    try {
      const snapshot = await this.connection.invoke<ConsoleSnapshot>('Subscribe', this.sectors);
      this.subscribedOnce = true;
      this.handlers.state('connected');
      await this.handlers.subscribed(snapshot, reconnect);
    } catch (error) {
      this.handlers.state('disconnected', `Subscribe failed: ${(error as Error).message}`);
      if (this.connection.state === signalR.HubConnectionState.Connected) {
        await this.connection.stop(); // onclose schedules the next try
      }
    }
  }

  private reportServerClose(error: Error | undefined): void {
    const reason = serverCloseReason(error);
    if (reason) this.handlers.closedByServer(reason);
  }

  /** After the automatic reconnect gave up (it never should) or the first start failed. */
  private scheduleRestart(): void {
    if (this.stopped) {
      return;
    }

    window.clearTimeout(this.restartTimer);
    this.restartTimer = window.setTimeout(() => {
      if (!this.stopped && this.connection.state === signalR.HubConnectionState.Disconnected) {
        // After a host restart the automatic reconnect may end in a failed Subscribe (the host still
        // loading): the fresh start that follows is still a reconnect for the operator.
        void this.start(this.sectors, this.subscribedOnce);
      }
    }, 2000);
  }
}

/**
 * Why the server closed the connection, or undefined when it was not the server's doing (a network drop, a stop).
 * The client reports a server's close as "Server returned an error on close: Connection closed with an error.
 * HubException: 413: …"; the server sends the text of a HubException only (its reasons start with a status, as
 * the hub's refusals do), and just "Connection closed with an error." for anything else.
 */
export function serverCloseReason(error: Error | undefined): string | undefined {
  const prefix = 'Server returned an error on close: ';
  const message = error?.message ?? '';
  if (!message.startsWith(prefix)) return undefined;
  const text = message.slice(prefix.length);
  const hub = text.indexOf('HubException: ');
  return hub >= 0 ? text.slice(hub + 'HubException: '.length) : text;
}
