//! `robots.txt`: lets every crawler in and names the sitemap (made by
//! `publish`). Not made when the site has its own in `static/`, nor when
//! `base_url` puts the site under a path, where no crawler looks for it.

use super::DataFile;
use crate::render::publish::{at_host_root, base, robots};

pub(super) const ROBOTS: DataFile = DataFile {
    path: "robots.txt",
    made: |site| !site.static_robots && at_host_root(&site.dossier.config),
    write: |file, out| out.write_all(&robots(base(&file.views.dossier.config).as_deref())),
};
