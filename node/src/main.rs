//! `confoederatio`: the node of the Confoederatio chain, on which cooperatives federate.
//!
//! Aura authors a block every six seconds and GRANDPA finalizes them; the runtime is in
//! `confoederatio-runtime`. Run `confoederatio --help` for the commands.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
