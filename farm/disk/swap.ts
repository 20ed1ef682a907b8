const PAGE = 4096;

/**
 * The first page of a Linux swap area (version 1, as mkswap writes it): the last usable page,
 * no bad pages, the UUID, the "SWAPSPACE2" signature at the page's end. Pure.
 */
export function swapHeader(bytes: number, uuid: string, label = ''): Buffer {
  const page = Buffer.alloc(PAGE);
  page.writeUInt32LE(1, 1024); // version
  page.writeUInt32LE(Math.floor(bytes / PAGE) - 1, 1028); // last page
  page.writeUInt32LE(0, 1032); // bad pages
  Buffer.from(uuid.replace(/-/g, ''), 'hex').copy(page, 1036);
  Buffer.from(label, 'utf8').subarray(0, 15).copy(page, 1052);
  page.write('SWAPSPACE2', PAGE - 10, 'latin1');
  return page;
}
